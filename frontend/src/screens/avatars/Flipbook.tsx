// Plays a preview strip (the JPEG of `frames` frames side by side that POST /models/{id}/preview
// answers) one frame at a time, looping; pause/play, and it starts paused for reduced motion.
import { useEffect, useState } from "react";
import { format, useStrings } from "../../i18n/i18n";
import strings from "./strings";

export const FRAME_MS = 220;

function prefersReducedMotion(): boolean {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

export function Flipbook({ src, frames, alt }: { src: string; frames: number; alt: string }) {
  const s = useStrings(strings);
  const [frame, setFrame] = useState(0);
  const [playing, setPlaying] = useState(() => !prefersReducedMotion());
  const [ratio, setRatio] = useState<number | null>(null);
  useEffect(() => setFrame(0), [src]);
  useEffect(() => {
    if (!playing || frames < 2) return;
    const timer = setInterval(() => setFrame((f) => (f + 1) % frames), FRAME_MS);
    return () => clearInterval(timer);
  }, [playing, frames]);
  return (
    <figure className="flipbook">
      <div
        className="flipbook-window"
        data-testid="flipbook"
        data-frame={frame}
        style={{ aspectRatio: ratio ? `${ratio}` : "3 / 4" }}
      >
        <img
          src={src}
          alt={alt}
          style={{ width: `${frames * 100}%`, transform: `translateX(-${(frame * 100) / frames}%)` }}
          onLoad={(e) => {
            const img = e.currentTarget;
            if (img.naturalHeight > 0) setRatio(img.naturalWidth / frames / img.naturalHeight);
          }}
        />
      </div>
      <figcaption className="row">
        <button type="button" className="secondary" onClick={() => setPlaying((p) => !p)} aria-pressed={playing}>
          {playing ? s.pause : s.play}
        </button>
        <span aria-live="off">{format(s.frameOf, { n: frame + 1, total: frames })}</span>
      </figcaption>
    </figure>
  );
}
