// Points over an image (a photo's eyes, mouth and jaw; a puppet's mouth and eyes), in the image's
// own pixels as the contract's `Point` is. Each point is a button: drag it with the pointer, or
// focus it and move it with the arrow keys (Shift: 10 px at a time).
import { useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { format, useStrings } from "../../i18n/i18n";
import strings from "./strings";

export type Point = [number, number];

export interface AnchorPoint {
  name: string;
  label: string;
  value: Point;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const KEYS: Record<string, Point> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/** `point` moved by a key (null for a key that does not move), kept inside the image. */
export function moved(point: Point, key: string, shift: boolean, size: { width: number; height: number }): Point | null {
  const step = KEYS[key];
  if (!step) return null;
  const by = shift ? 10 : 1;
  const clamp = (v: number, max: number) => Math.max(0, Math.min(max, Math.round(v)));
  return [clamp(point[0] + step[0] * by, size.width), clamp(point[1] + step[1] * by, size.height)];
}

export function AnchorEditor({
  src,
  alt,
  points,
  onChange,
  box,
}: {
  src: string;
  alt: string;
  points: AnchorPoint[];
  onChange: (name: string, value: Point) => void;
  box?: Box | null;
}) {
  const s = useStrings(strings);
  const frame = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const pct = (v: number, of: number) => `${(v / of) * 100}%`;

  const fromPointer = (event: PointerEvent): Point | null => {
    const rect = frame.current?.getBoundingClientRect();
    if (!rect || !size || rect.width === 0) return null;
    const x = ((event.clientX - rect.left) / rect.width) * size.width;
    const y = ((event.clientY - rect.top) / rect.height) * size.height;
    return [Math.max(0, Math.min(size.width, Math.round(x))), Math.max(0, Math.min(size.height, Math.round(y)))];
  };
  const onKey = (point: AnchorPoint) => (event: KeyboardEvent) => {
    if (!size) return;
    const next = moved(point.value, event.key, event.shiftKey, size);
    if (!next) return;
    event.preventDefault();
    onChange(point.name, next);
  };

  return (
    <div className="anchor-editor">
      <div className="anchor-frame" ref={frame}>
        <img
          src={src}
          alt={alt}
          draggable={false}
          onLoad={(e) => setSize({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
        />
        {size && box ? (
          <span
            className="anchor-box"
            aria-hidden="true"
            style={{ left: pct(box.x, size.width), top: pct(box.y, size.height), width: pct(box.width, size.width), height: pct(box.height, size.height) }}
          />
        ) : null}
        {size
          ? points.map((point) => (
              <button
                key={point.name}
                type="button"
                className={dragging === point.name ? "anchor-point dragging" : "anchor-point"}
                style={{ left: pct(point.value[0], size.width), top: pct(point.value[1], size.height) }}
                aria-label={format(s.anchorAt, { name: point.label, x: point.value[0], y: point.value[1] })}
                title={point.label}
                data-anchor={point.name}
                onKeyDown={onKey(point)}
                onPointerDown={(e) => {
                  e.currentTarget.setPointerCapture?.(e.pointerId);
                  setDragging(point.name);
                }}
                onPointerMove={(e) => {
                  if (dragging !== point.name) return;
                  const next = fromPointer(e);
                  if (next) onChange(point.name, next);
                }}
                onPointerUp={() => setDragging(null)}
                onPointerCancel={() => setDragging(null)}
              >
                <span aria-hidden="true">{point.label.slice(0, 1)}</span>
              </button>
            ))
          : null}
      </div>
      <p className="help">{s.anchorHelp}</p>
      <ul className="anchor-values">
        {points.map((point) => (
          <li key={point.name}>
            {point.label}: <code>{`${point.value[0]}, ${point.value[1]}`}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
