import { useId } from "react";

// Progress for every wait: an indeterminate spinner (role=status) or a bar with a value
// (role=progressbar). Both are announced by screen readers and honour reduced motion (styles.css).
export function Spinner({ label, inline = false }: { label: string; inline?: boolean }) {
  return (
    <span className={inline ? "spinner spinner-inline" : "spinner"} role="status" aria-live="polite">
      <span className="spinner-wheel" aria-hidden="true" />
      <span className="spinner-label">{label}</span>
    </span>
  );
}

export function ProgressBar({
  label,
  value,
  detail,
  hideLabel = false,
}: {
  label: string;
  value: number | null;
  detail?: string;
  /** Name the bar for screen readers only (a table column already says what it is). */
  hideLabel?: boolean;
}) {
  const id = useId();
  const percent = value === null ? null : Math.max(0, Math.min(100, Math.round(value * 100)));
  return (
    <div className="progress">
      <div className="progress-head">
        <span id={id} className={hideLabel ? "visually-hidden" : undefined}>
          {label}
        </span>
        <span>{percent === null ? "…" : `${percent} %`}</span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-labelledby={id}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={detail}
      >
        <div className={percent === null ? "progress-fill indeterminate" : "progress-fill"} style={{ width: `${percent ?? 30}%` }} />
      </div>
      {detail ? <div className="progress-detail">{detail}</div> : null}
    </div>
  );
}
