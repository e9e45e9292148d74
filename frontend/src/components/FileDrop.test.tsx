// FileDrop takes dropped files and chosen files alike; its button is what the keyboard reaches.
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FileDrop } from "./FileDrop";

afterEach(cleanup);

describe("FileDrop", () => {
  it("hands over dropped files, and the first only when it takes one", () => {
    const onFiles = vi.fn();
    render(<FileDrop label="Choose…" hint="Drop here" onFiles={onFiles} />);
    const zone = screen.getByTestId("file-drop");
    const files = [new File(["a"], "a.png"), new File(["b"], "b.png")];
    fireEvent.dragOver(zone, { dataTransfer: { files } });
    expect(zone.className).toContain("over");
    fireEvent.drop(zone, { dataTransfer: { files } });
    expect(onFiles).toHaveBeenCalledWith([files[0]]);
    expect(zone.className).not.toContain("over");
  });

  it("opens the file input from its button and hands over what was chosen", () => {
    const onFiles = vi.fn();
    const { container } = render(<FileDrop label="Choose…" hint="Drop here" onFiles={onFiles} multiple />);
    const input = container.querySelector("input[type=file]") as HTMLInputElement;
    const opened = vi.spyOn(input, "click");
    const button = screen.getByRole("button", { name: "Choose…" });
    expect(button.getAttribute("aria-describedby")).toBe(screen.getByText("Drop here").id);
    fireEvent.click(button);
    expect(opened).toHaveBeenCalled();
    const files = [new File(["a"], "a.png"), new File(["b"], "b.png")];
    fireEvent.change(input, { target: { files } });
    expect(onFiles).toHaveBeenCalledWith(files);
  });

  it("takes nothing while disabled", () => {
    const onFiles = vi.fn();
    render(<FileDrop label="Choose…" hint="Drop here" onFiles={onFiles} disabled />);
    fireEvent.drop(screen.getByTestId("file-drop"), { dataTransfer: { files: [new File(["a"], "a.png")] } });
    expect(onFiles).not.toHaveBeenCalled();
    expect((screen.getByRole("button") as HTMLButtonElement).disabled).toBe(true);
  });
});
