// The composition is validated with the contract's schema (virtual:gala-contract) and each error
// is found at its line in the JSON text.
import { describe, expect, it } from "vitest";
import { check } from "./CompositionEditor";
import { locate, pointerOffsets } from "./jsonLocate";
import { timeline } from "./timeline";

const composition = {
  version: 2,
  output: { size: "720p", duration: { $param: "duration" } },
  tracks: [{ clips: [{ type: "color", color: "#112233" }, { type: "text", text: "Hola", start: 1, length: 2, size: 40 }] }],
};

describe("composition checks", () => {
  it("accepts a valid composition with a parameter placeholder", () => {
    expect(check(JSON.stringify(composition)).errors).toEqual([]);
  });

  it("names the field, only for the clip's own kind", () => {
    const bad = structuredClone(composition);
    (bad.tracks[0]!.clips[1] as Record<string, unknown>).size = -5;
    (bad.tracks[0]!.clips[0] as Record<string, unknown>).colour = "#000000";
    const text = JSON.stringify(bad, null, 2);
    const { errors } = check(text);
    expect(errors.map((e) => e.field).sort()).toEqual(["/composition/tracks/0/clips/0", "/composition/tracks/0/clips/1/size"]);
    expect(errors.find((e) => e.field.endsWith("/size"))?.detail).toMatch(/>=/);
    expect(errors.find((e) => e.field.endsWith("/0"))?.detail).toContain('unknown field "colour"');
    const where = locate(text, "/tracks/0/clips/1/size");
    expect(text.split("\n")[where.line - 1]).toContain('"size": -5');
  });

  it("reports JSON that does not parse", () => {
    expect(check('{"version": 2,').syntax).toBeTruthy();
  });

  it("finds pointers with escaped keys and falls back to the parent", () => {
    const text = '{"a/b": {"~x": [1, {"y": true}]}}';
    const offsets = pointerOffsets(text);
    expect(text.slice(offsets.get("/a~1b/~0x/1/y")!)).toMatch(/^true/);
    expect(locate(text, "/a~1b/missing").offset).toBe(offsets.get("/a~1b"));
  });

  it("lays clips out on the timeline with their parameters filled in", () => {
    const t = timeline(composition, { duration: 6 });
    expect(t.duration).toBe(6);
    expect(t.tracks[0]!.clips.map((c) => [c.start, c.end])).toEqual([
      [0, 6],
      [1, 3],
    ]);
  });
});
