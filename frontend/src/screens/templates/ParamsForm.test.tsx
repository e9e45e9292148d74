// The parameters form is generated from the template's JSON Schema: a control per property of
// the right kind, asset pickers for x-gala-asset, and each error shown at its field.
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { components } from "../../api/schema";
import { LanguageProvider } from "../../i18n/i18n";
import { ParamsForm } from "./ParamsForm";

afterEach(cleanup);

const schema = {
  type: "object",
  properties: {
    title: { type: "string", maxLength: 80 },
    quote: { type: "string", maxLength: 400 },
    accent: { type: "string", pattern: "^#[0-9A-Fa-f]{6}$" },
    duration: { type: "number", minimum: 2, maximum: 60 },
    loop: { type: "boolean" },
    size: { type: "string", enum: ["720p", "1080p"] },
    logo: { type: "string", format: "uuid", "x-gala-asset": "image" },
  },
};

const asset = (id: string, name: string, kind: components["schemas"]["AssetKind"]) =>
  ({ id, name, kind }) as components["schemas"]["Asset"];

describe("ParamsForm", () => {
  it("makes a control of the right kind for each property", () => {
    const onChange = vi.fn();
    render(
      <LanguageProvider language="en">
        <ParamsForm
          schema={schema}
          values={{ title: "Hi", accent: "#ff0000", duration: 6, size: "720p" }}
          onChange={onChange}
          errors={[{ field: "/params/duration", detail: "must be <= 60" }]}
          assets={[asset("a1", "logo.png", "image"), asset("a2", "song.wav", "audio")]}
        />
      </LanguageProvider>,
    );
    expect((screen.getByLabelText("title") as HTMLInputElement).type).toBe("text");
    expect(screen.getByLabelText("quote").tagName).toBe("TEXTAREA");
    expect((screen.getByLabelText("accent", { selector: "input[type=text]" }) as HTMLInputElement).value).toBe("#ff0000");
    const duration = screen.getByLabelText("duration") as HTMLInputElement;
    expect(duration.type).toBe("number");
    expect(duration.min).toBe("2");
    expect(duration.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(duration.getAttribute("aria-describedby")!)?.textContent).toBe("must be <= 60");
    expect((screen.getByLabelText("loop") as HTMLInputElement).type).toBe("checkbox");
    expect([...(screen.getByLabelText("size") as HTMLSelectElement).options].map((o) => o.value)).toEqual(["720p", "1080p"]);
    // The asset picker offers only images.
    const logo = screen.getByLabelText("logo") as HTMLSelectElement;
    expect([...logo.options].map((o) => o.textContent)).toEqual(["— choose an asset —", "logo.png (image)"]);

    fireEvent.change(logo, { target: { value: "a1" } });
    expect(onChange).toHaveBeenLastCalledWith({ title: "Hi", accent: "#ff0000", duration: 6, size: "720p", logo: "a1" });
    fireEvent.change(duration, { target: { value: "" } });
    expect(onChange).toHaveBeenLastCalledWith({ title: "Hi", accent: "#ff0000", size: "720p" });
  });

  it("says when no asset of the kind exists", () => {
    render(
      <LanguageProvider language="es">
        <ParamsForm schema={{ properties: { logo: schema.properties.logo } }} values={{}} onChange={() => {}} errors={[]} assets={[]} />
      </LanguageProvider>,
    );
    expect(screen.getByText(/No hay recursos de tipo image/)).toBeTruthy();
  });
});
