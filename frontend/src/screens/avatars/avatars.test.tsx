// The avatar screen's parts: the voice sent (blank fields left out), the limits read from the
// contract itself, and the preview strip played frame by frame.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { LanguageProvider } from "../../i18n/i18n";
import { Flipbook, FRAME_MS } from "./Flipbook";
import { limitsIn } from "./limits";
import { draftOf, voiceBody } from "./VoiceFields";

afterEach(cleanup);

describe("voice", () => {
  it("sends only the fields filled in, numbers as numbers", () => {
    expect(voiceBody({ language: " es ", voice: "", rate: "1.25", pitch: "" })).toEqual({ language: "es", rate: 1.25 });
    expect(voiceBody(draftOf({ engine: "espeak-ng", language: "en", rate: 1, pitch: -2 }))).toEqual({ language: "en", rate: 1, pitch: -2 });
  });

  it("reads its limits from the contract (a model's pitch in semitones, a preview's 0-100)", () => {
    const contract = parse(readFileSync(resolve(process.cwd(), "../openapi/gala.yaml"), "utf8"));
    expect(limitsIn(contract, ["Voice", "pitch"])).toMatchObject({ min: -12, max: 12, default: 0 });
    expect(limitsIn(contract, ["Voice", "rate"])).toMatchObject({ min: 0, max: 4 });
    expect(limitsIn(contract, ["ModelPreview", "voice", "pitch"])).toMatchObject({ min: 0, max: 100, integer: true });
    expect(limitsIn(null, ["Voice", "rate"])).toEqual({ min: undefined, max: undefined, integer: undefined, default: undefined });
  });
});

describe("Flipbook", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("steps through the frames, loops, and stops on pause", () => {
    render(
      <LanguageProvider language="en">
        <Flipbook src="strip.jpg" frames={3} alt="the presenter saying hello" />
      </LanguageProvider>,
    );
    const book = screen.getByTestId("flipbook");
    expect(book.dataset.frame).toBe("0");
    act(() => vi.advanceTimersByTime(FRAME_MS));
    expect(book.dataset.frame).toBe("1");
    expect(screen.getByRole("img", { name: "the presenter saying hello" }).style.transform).toContain("33.3");
    act(() => vi.advanceTimersByTime(FRAME_MS * 2));
    expect(book.dataset.frame).toBe("0");
    fireEvent.click(screen.getByRole("button", { name: "Pause" }));
    act(() => vi.advanceTimersByTime(FRAME_MS * 5));
    expect(book.dataset.frame).toBe("0");
    expect(screen.getByText("Frame 1 of 3")).toBeTruthy();
  });
});
