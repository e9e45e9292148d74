// Choose files by dropping them on the zone or with its button (the keyboard way: Tab, Enter).
// The input itself is hidden; the button opens it, so the zone works without a mouse.
import { useId, useRef, useState, type DragEvent } from "react";
import "./FileDrop.css";

export interface FileDropProps {
  /** The button's words. */
  label: string;
  /** What the zone says about dropping (and what it accepts). */
  hint: string;
  onFiles: (files: File[]) => void;
  accept?: string;
  multiple?: boolean;
  disabled?: boolean;
}

export function FileDrop({ label, hint, onFiles, accept, multiple = false, disabled = false }: FileDropProps) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const hintId = useId();
  const take = (list: FileList | null) => {
    const files = list ? Array.from(list) : [];
    if (files.length > 0) onFiles(multiple ? files : files.slice(0, 1));
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) take(event.dataTransfer.files);
  };
  return (
    <div
      className={over ? "file-drop over" : "file-drop"}
      data-testid="file-drop"
      onDragOver={(event) => {
        event.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <span className="file-drop-icon" aria-hidden="true">
        ⇪
      </span>
      <p id={hintId}>{hint}</p>
      <button type="button" onClick={() => input.current?.click()} disabled={disabled} aria-describedby={hintId}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept={accept}
        multiple={multiple}
        onChange={(event) => {
          take(event.target.files);
          event.target.value = ""; // the same file may be chosen again
        }}
      />
    </div>
  );
}
