// The timeline a composition describes: each track's clips with their start and end on the
// timeline, after `{"$param"}` placeholders are filled in, following docs/composition.md's rules
// (a clip without `start` follows the previous one, less the track's crossfade; `length` "end"
// lasts to the video's end; media clips' "auto" length is known only to the renderer).

export interface TimelineClip {
  type: string;
  label: string;
  start: number;
  end: number | null; // null: "auto", unknown before rendering
}

export interface Timeline {
  duration: number;
  tracks: { name: string; clips: TimelineClip[] }[];
}

type Obj = Record<string, unknown>;
const MEDIA = new Set(["video", "audio", "captions"]);

export function fill(node: unknown, params: Obj): unknown {
  if (Array.isArray(node)) return node.map((n) => fill(n, params));
  if (!node || typeof node !== "object") return node;
  const obj = node as Obj;
  const keys = Object.keys(obj);
  if (keys.length === 1 && keys[0] === "$param") return params[String(obj.$param)];
  return Object.fromEntries(keys.map((k) => [k, fill(obj[k], params)]));
}

/** The parameters' defaults under `values`. */
export function withDefaults(schema: unknown, values: Obj): Obj {
  const props = ((schema as Obj | undefined)?.properties ?? {}) as Record<string, Obj>;
  const out: Obj = {};
  for (const [name, prop] of Object.entries(props)) if ("default" in prop) out[name] = prop.default;
  return { ...out, ...values };
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

export function timeline(composition: unknown, params: Obj): Timeline {
  const comp = (fill(composition, params) ?? {}) as Obj;
  const output = (comp.output ?? {}) as Obj;
  const rawTracks = Array.isArray(comp.tracks) ? (comp.tracks as Obj[]) : [];
  const tracks = rawTracks.map((track, n) => {
    const crossfade = num(track.crossfade) ?? 0;
    let previousEnd: number | null = 0;
    const clips = (Array.isArray(track.clips) ? (track.clips as Obj[]) : []).map((clip) => {
      const type = String(clip.type ?? "?");
      const start = num(clip.start) ?? Math.max(0, (previousEnd ?? 0) - (previousEnd ? crossfade : 0));
      const length = clip.length ?? (MEDIA.has(type) ? "auto" : "end");
      const end = length === "end" ? Infinity : typeof length === "number" ? start + length : null;
      previousEnd = end === Infinity ? null : end;
      const label = typeof clip.name === "string" ? clip.name : typeof clip.text === "string" ? clip.text.slice(0, 40) : type;
      return { type, label, start, end };
    });
    return { name: typeof track.name === "string" ? track.name : String(n + 1), clips };
  });
  const definite = tracks.flatMap((t) => t.clips.map((c) => c.end)).filter((e): e is number => e !== null && e !== Infinity);
  const duration = num(output.duration) ?? (definite.length ? Math.max(...definite) : 10);
  for (const track of tracks) for (const clip of track.clips) if (clip.end === Infinity) clip.end = duration;
  return { duration, tracks };
}
