// The e2e harness's browser side: Debian's Chromium through playwright-core (no browser is ever
// downloaded), one browser for the whole run, a fresh profile, and helpers to screenshot a page
// and run axe-core in it. STUDIO_URL is the studio of a real GALA (tests/ui/test_studio_e2e.py
// starts one); E2E_OUT is where screenshots go (out/e2e by default, kept by CI).
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

export const STUDIO_URL = process.env.STUDIO_URL ?? "http://127.0.0.1:8080/studio/";
export const API_URL = new URL("/", STUDIO_URL).href.replace(/\/$/, "");
export const OUT = resolve(process.env.E2E_OUT ?? "../out/e2e");
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let shared = null;

/** The run's one browser (e2e/run.mjs closes it after the last test). */
export function sharedBrowser() {
  shared ??= launch();
  return shared;
}

export async function closeSharedBrowser() {
  if (shared) await (await shared).close();
  shared = null;
}

/** Launch Chromium with a fresh user-data-dir; `close()` removes it. */
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), "gala-e2e-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    locale: "es-ES",
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A new page in `language` at `path` under the studio. `page.problems` collects uncaught page
 * errors and failed requests (a test asserts it is empty; `expectFailure` allows a status). */
export async function openPage(context, path = "", { language = "es", expectFailure = [] } = {}) {
  const page = await context.newPage();
  await page.addInitScript((lang) => localStorage.setItem("gala.language", lang), language);
  const problems = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400 && !expectFailure.includes(response.status())) {
      problems.push(`${response.status()} ${response.request().method()} ${response.url()}`);
    }
  });
  page.problems = problems;
  await page.goto(new URL(path, STUDIO_URL).href);
  return page;
}

export async function screenshot(page, name) {
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const { violations } = await axe.run(document, { resultTypes: ["violations"] });
    return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  });
  return result.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** A JSON call to the API from the harness itself (set-up and checks, not the person's path). */
export async function apiJson(path, init = {}) {
  const response = await fetch(`${API_URL}${path}`, {
    ...init,
    headers: { "Content-Type": "application/json", ...(init.headers ?? {}) },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** The page at a 390 px phone: no sideways scrolling, no serious axe violation, a screenshot;
 * then back to 1280 px. Returns the problems found (empty when all is well). */
export async function narrowProblems(page, name) {
  await page.setViewportSize({ width: 390, height: 844 });
  const problems = [];
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) problems.push(`scrolls sideways by ${overflow} px at 390 px`);
  problems.push(...(await axeViolations(page)));
  await screenshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 800 });
  return problems;
}
