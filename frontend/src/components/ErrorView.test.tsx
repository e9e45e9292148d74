// The problem+json the API answers becomes a readable message with its field pointers.
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { apiError } from "../api/problem";
import { LanguageProvider } from "../i18n/i18n";
import { ErrorView } from "./ErrorView";

afterEach(cleanup);

function problem(status: number, body: unknown, headers: Record<string, string> = {}) {
  return apiError(new Response(null, { status, headers }), body);
}

describe("ErrorView", () => {
  it("shows the title, detail and each field the problem points at", () => {
    const error = problem(422, {
      type: "about:blank",
      title: "Unprocessable Content",
      status: 422,
      detail: "The parameters do not match the template.",
      errors: [
        { detail: "'' is too short", pointer: "/params/quote" },
        { detail: "must be at most 100", parameter: "limit", in: "query" },
      ],
    });
    render(
      <LanguageProvider language="en">
        <ErrorView error={error} />
      </LanguageProvider>,
    );
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Unprocessable Content (422)");
    expect(alert.textContent).toContain("The parameters do not match the template.");
    expect(screen.getByText("/params/quote").parentElement?.textContent).toContain("'' is too short");
    expect(screen.getByText("?limit")).toBeTruthy();
    expect(error.at("/params")).toHaveLength(1);
  });

  it("tells what to do when the API wants a key, in Spanish", () => {
    const error = problem(401, { type: "about:blank", title: "Unauthorized", status: 401 });
    render(
      <LanguageProvider language="es">
        <ErrorView error={error} />
      </LanguageProvider>,
    );
    expect(screen.getByRole("alert").textContent).toContain("La API pide una clave");
  });

  it("says when to retry a 429 and reads a body that is not a problem", () => {
    const error = problem(429, "busy", { "Retry-After": "2" });
    render(
      <LanguageProvider language="en">
        <ErrorView error={error} />
      </LanguageProvider>,
    );
    expect(error.status).toBe(429);
    expect(screen.getByRole("alert").textContent).toContain("Try again in 2 s.");
  });
});
