// How an asset is shown: its kind's icon, sizes and durations in words, and the media facts
// probing found (MediaInfo), each only when known.
import type { components } from "../../api/schema";

export type Asset = components["schemas"]["Asset"];
export type AssetKind = components["schemas"]["AssetKind"];
export type MediaInfo = NonNullable<components["schemas"]["MediaInfo"]>;

/** Every AssetKind, in the order the filter offers them; the type checker keeps it complete. */
export const ASSET_KINDS = ["image", "video", "audio", "font", "other"] as const satisfies readonly AssetKind[];
type Missing = Exclude<AssetKind, (typeof ASSET_KINDS)[number]>;
const complete: Missing extends never ? true : Missing = true;
void complete;

export const KIND_ICONS: Record<AssetKind, string> = {
  image: "🖼",
  video: "🎬",
  audio: "🎵",
  font: "🔤",
  other: "📄",
};

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** 83.4 → "1:23.4"; 5 → "0:05.0". */
export function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds - minutes * 60;
  const [whole, tenth] = rest.toFixed(1).split(".");
  return `${minutes}:${whole!.padStart(2, "0")}.${tenth}`;
}

export interface MediaFact {
  key: "duration" | "size" | "fps" | "video" | "audio" | "channels" | "rate";
  value: string;
}

/** What probing found, in a stable order, leaving out what it did not find. */
export function mediaFacts(media: Asset["media"]): MediaFact[] {
  if (!media) return [];
  const facts: MediaFact[] = [];
  if (media.duration != null) facts.push({ key: "duration", value: formatDuration(media.duration) });
  if (media.width != null && media.height != null) facts.push({ key: "size", value: `${media.width}×${media.height}` });
  if (media.fps != null) facts.push({ key: "fps", value: `${Number(media.fps.toFixed(2))}` });
  if (media.video_codec) facts.push({ key: "video", value: media.video_codec });
  if (media.audio_codec) facts.push({ key: "audio", value: media.audio_codec });
  if (media.channels != null) facts.push({ key: "channels", value: String(media.channels) });
  if (media.sample_rate != null) facts.push({ key: "rate", value: `${media.sample_rate} Hz` });
  return facts;
}

/** The asset whose bytes picture `asset`: itself for an image, the job's poster for a render. */
export function posterOf(asset: Asset, all: readonly Asset[]): Asset | null {
  if (asset.kind === "image") return asset;
  if (asset.job_id && asset.kind === "video") {
    return all.find((a) => a.job_id === asset.job_id && a.kind === "image" && a.role === "thumbnail") ?? null;
  }
  return null;
}
