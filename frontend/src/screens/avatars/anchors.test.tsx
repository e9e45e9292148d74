// Face points: moved with the arrow keys (Shift: 10 px), kept inside the image, named for
// screen readers with their position.
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { LanguageProvider } from "../../i18n/i18n";
import { AnchorEditor, moved, type Point } from "./AnchorEditor";
import { MODEL_KINDS, PUPPET_ROLES, startingAnchors } from "./kinds";

afterEach(cleanup);

describe("moved", () => {
  const size = { width: 200, height: 100 };
  it("steps 1 px, or 10 with Shift, and stays inside the image", () => {
    expect(moved([10, 10], "ArrowRight", false, size)).toEqual([11, 10]);
    expect(moved([10, 10], "ArrowUp", true, size)).toEqual([10, 0]);
    expect(moved([195, 95], "ArrowDown", true, size)).toEqual([195, 100]);
    expect(moved([5, 5], "ArrowLeft", true, size)).toEqual([0, 5]);
    expect(moved([5, 5], "Enter", false, size)).toBeNull();
  });
});

describe("the contract's kinds and roles", () => {
  it("offers every kind one can create and a puppet's roles without the photo", () => {
    expect([...MODEL_KINDS].sort()).toEqual(["avatar", "photo", "puppet"]);
    expect(PUPPET_ROLES).toContain("base");
    expect(PUPPET_ROLES).toContain("mouth_X");
    expect(PUPPET_ROLES).not.toContain("photo");
    expect(startingAnchors(200, 260)).toEqual({ eyes: [100, 99], mouth: [100, 143] });
  });
});

function Harness() {
  const [mouth, setMouth] = useState<Point>([50, 60]);
  return (
    <LanguageProvider language="en">
      <AnchorEditor src="face.png" alt="a face" points={[{ name: "mouth", label: "Mouth", value: mouth }]} onChange={(_, v) => setMouth(v)} />
    </LanguageProvider>
  );
}

describe("AnchorEditor", () => {
  it("moves a focused point with the keyboard once the image size is known", () => {
    render(<Harness />);
    const img = screen.getByRole("img", { name: "a face" }) as HTMLImageElement;
    Object.defineProperty(img, "naturalWidth", { value: 100 });
    Object.defineProperty(img, "naturalHeight", { value: 120 });
    fireEvent.load(img);
    const point = screen.getByRole("button", { name: "Mouth: x 50, y 60" });
    expect(point.style.left).toBe("50%");
    expect(point.style.top).toBe("50%");
    fireEvent.keyDown(point, { key: "ArrowDown", shiftKey: true });
    fireEvent.keyDown(point, { key: "ArrowLeft" });
    expect(screen.getByRole("button", { name: "Mouth: x 49, y 70" })).toBe(point);
    expect(screen.getByText("49, 70")).toBeTruthy();
  });
});
