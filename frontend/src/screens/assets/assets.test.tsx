// The library's parts: media facts in words, posters, and the in-use refusal explained.
import { cleanup, render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router-dom";
import { afterEach, describe, expect, it } from "vitest";
import { apiError } from "../../api/problem";
import { LanguageProvider } from "../../i18n/i18n";
import { InUse } from "./InUse";
import { formatBytes, formatDuration, mediaFacts, posterOf, type Asset } from "./media";

afterEach(cleanup);

const asset = (over: Partial<Asset>): Asset =>
  ({
    id: "a1",
    kind: "video",
    name: "clip.mp4",
    mime: "video/mp4",
    size_bytes: 1,
    source: "upload",
    job_id: null,
    role: null,
    media: null,
    ...over,
  }) as Asset;

describe("media", () => {
  it("says sizes and durations in words", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(25 * 1024 * 1024)).toBe("25 MB");
    expect(formatDuration(83.44)).toBe("1:23.4");
    expect(formatDuration(5)).toBe("0:05.0");
  });

  it("lists what probing found and nothing it did not", () => {
    const facts = mediaFacts({ duration: 2.5, width: 1280, height: 720, fps: 29.97, video_codec: "h264", audio_codec: null, channels: null, sample_rate: 48000 });
    expect(facts.map((f) => `${f.key}=${f.value}`)).toEqual(["duration=0:02.5", "size=1280×720", "fps=29.97", "video=h264", "rate=48000 Hz"]);
    expect(mediaFacts(null)).toEqual([]);
  });

  it("pictures an image by itself and a render by its job's thumbnail", () => {
    const image = asset({ id: "i", kind: "image" });
    const video = asset({ id: "v", job_id: "j", role: "video", source: "render" });
    const thumb = asset({ id: "t", kind: "image", job_id: "j", role: "thumbnail", source: "render" });
    expect(posterOf(image, [])).toBe(image);
    expect(posterOf(video, [video, thumb])).toBe(thumb);
    expect(posterOf(asset({ id: "u" }), [thumb])).toBeNull();
  });
});

describe("InUse", () => {
  it("names each user, its version and where the id is, and says why", () => {
    const error = apiError(new Response(null, { status: 409 }), {
      type: "about:blank",
      title: "Conflict",
      status: 409,
      detail: "Asset a1 is in use by ...",
      users: [
        { type: "template", id: "01900000-aaaa-7000-8000-000000000001", version: 2, pointer: "/tracks/0/clips/0/asset", detail: "template" },
        { type: "model", id: "01900000-bbbb-7000-8000-000000000002", detail: "model" },
      ],
    });
    render(
      <LanguageProvider language="en">
        <MemoryRouter>
          <InUse name="logo.png" error={error} fetchNames={false} />
        </MemoryRouter>
      </LanguageProvider>,
    );
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("logo.png is in use and cannot be deleted");
    expect(alert.textContent).toContain("keeps every version of a template");
    const items = screen.getAllByRole("listitem").map((li) => li.textContent);
    expect(items[0]).toMatch(/^Template 01900000 · version 2 · at \/tracks\/0\/clips\/0\/asset$/);
    expect(items[1]).toMatch(/^Avatar model 01900000$/);
    expect(screen.getAllByRole("link")[0]!.getAttribute("href")).toBe("/templates/01900000-aaaa-7000-8000-000000000001");
  });
});
