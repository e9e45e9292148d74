// Tracks and clips on a time axis, with the cursor: a slider (keyboard: arrows step a tenth of a
// second, Page Up/Down a second) whose position the preview shows.
import { format, useStrings } from "../../i18n/i18n";
import strings from "./strings";
import type { Timeline } from "./timeline";

/** The row of each clip within its track: the first row where it overlaps no earlier clip. */
function stack(clips: Timeline["tracks"][number]["clips"], duration: number): number[] {
  const rowEnds: number[] = [];
  return clips.map((clip) => {
    const end = clip.end ?? duration;
    let row = rowEnds.findIndex((e) => e <= clip.start + 1e-9);
    if (row < 0) row = rowEnds.length;
    rowEnds[row] = end;
    return row;
  });
}

const pct = (t: number, duration: number) => `${Math.max(0, Math.min(100, (t / duration) * 100))}%`;

export function TimelineView({ timeline, cursor, onCursor }: { timeline: Timeline; cursor: number; onCursor: (t: number) => void }) {
  const s = useStrings(strings);
  const { duration } = timeline;
  const ticks = Array.from({ length: Math.floor(duration) + 1 }, (_, i) => i).filter((i) => duration <= 20 || i % 5 === 0);
  return (
    <section className="card timeline" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{s.timeline}</h2>
      <div className="field">
        <span>
          <span id="cursor-label">{s.cursor}</span>: <output data-testid="cursor">{cursor.toFixed(2)}</output>
        </span>
        <input
          type="range"
          aria-labelledby="cursor-label"
          aria-valuetext={`${cursor.toFixed(1)} s`}
          min={0}
          max={duration}
          step={0.1}
          value={cursor}
          onChange={(e) => onCursor(Number(e.target.value))}
          onKeyDown={(e) => {
            if (e.key === "PageUp" || e.key === "PageDown") {
              e.preventDefault();
              onCursor(Math.max(0, Math.min(duration, cursor + (e.key === "PageUp" ? 1 : -1))));
            }
          }}
        />
      </div>
      <div className="tracks" onClick={(e) => {
        const box = e.currentTarget.getBoundingClientRect();
        onCursor(Math.round(((e.clientX - box.left) / box.width) * duration * 10) / 10);
      }}>
        <div className="ticks" aria-hidden="true">
          {ticks.map((t) => (
            <span key={t} style={{ left: pct(t, duration) }}>
              {t}
            </span>
          ))}
        </div>
        {timeline.tracks.map((track, n) => {
          const rows = stack(track.clips, duration);
          return (
          <div className="track" key={n} style={{ height: `${1.8 * Math.max(...rows, 0) + 1.8}rem` }}>
            <span className="track-name">{track.name || format(s.track, { n: n + 1 })}</span>
            <ul className="lane">
              {track.clips.map((clip, i) => {
                const end = clip.end ?? duration;
                const text =
                  format(s.clipAt, { type: clip.type, start: clip.start.toFixed(1), end: clip.end === null ? s.auto : end.toFixed(1) }) +
                  (clip.end !== null && clip.end >= duration ? ` (${s.untilEnd})` : "");
                return (
                  <li
                    key={i}
                    className={`clip clip-${clip.type}${clip.end === null ? " clip-auto" : ""}`}
                    style={{ left: pct(clip.start, duration), width: pct(end - clip.start, duration), top: `calc(${rows[i]! * 1.8}rem + 2px)` }}
                    title={`${clip.label}: ${text}`}
                  >
                    <span className="clip-label">{clip.label}</span>
                    <span className="visually-hidden">{text}</span>
                  </li>
                );
              })}
            </ul>
          </div>
          );
        })}
        <div className="playhead" aria-hidden="true" style={{ left: pct(cursor, duration) }} />
      </div>
    </section>
  );
}
