// The rows a skip_invalid create left out are listed with where and why.
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, expect, it } from "vitest";
import { LanguageProvider } from "../../i18n/i18n";
import { SkippedRows } from "./BatchView";

afterEach(cleanup);

it("lists each skipped row (counted from 1) with its errors' pointers and details", () => {
  render(
    <LanguageProvider language="en">
      <SkippedRows rows={[{ row: 2, errors: [{ detail: "'' is too short", pointer: "/params/title" }] }]} />
    </LanguageProvider>,
  );
  expect(screen.getByRole("alert").textContent).toContain("Skipped rows");
  expect(screen.getByRole("listitem").textContent).toBe("Row 3: /params/title '' is too short");
});
