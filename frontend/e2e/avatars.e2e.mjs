// Avatars: the built-in presenter is chosen, made to speak, and its preview plays (the strip's
// image loaded, the frame shown changes); a puppet is made from RGBA parts, its mouth placed with
// the keyboard, and it speaks too.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { API_URL, axeViolations, openPage, screenshot, sharedBrowser } from "./browser.mjs";

let browser;
const RUN = Date.now().toString(36); // names unique to this run, so a reused GALA does not confuse them
const NAME = `Títere e2e ${RUN}`;
before(async () => {
  browser = await sharedBrowser();
});

test("make the built-in presenter speak and see the preview play", async () => {
  const page = await openPage(browser.context, "avatars", { language: "en" });
  await page.getByTestId("model-title").filter({ hasText: "Built-in presenter" }).waitFor();
  await page.getByLabel("Sentence").fill("Hola, soy el presentador.");
  await page.getByRole("button", { name: "Make it speak" }).click();
  const book = page.getByTestId("flipbook");
  await book.waitFor({ timeout: 30_000 });
  const img = book.locator("img");
  await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await img.elementHandle());
  const { width, height } = await img.evaluate((el) => ({ width: el.naturalWidth, height: el.naturalHeight }));
  assert.equal(height, 240);
  assert.ok(width >= 8 * 100, `a strip of 8 frames is ${width} px wide`);
  // It plays: the frame shown changes by itself.
  const first = await book.getAttribute("data-frame");
  await page.waitForFunction(([el, was]) => el.dataset.frame !== was, [await book.elementHandle(), first], { timeout: 3000 });
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, "avatars-1280");

  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at 390 px`);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, "avatars-390");
  assert.deepEqual(page.problems, []);
  await page.close();
});

/** RGBA PNGs drawn by the browser: a body without a face, a patch per mouth shape, two eye patches. */
async function puppetImages(page) {
  return page.evaluate(() => {
    const draw = (w, h, paint) => {
      const canvas = document.createElement("canvas");
      canvas.width = w;
      canvas.height = h;
      paint(canvas.getContext("2d"), w, h);
      return canvas.toDataURL("image/png").split(",")[1];
    };
    const out = {
      base: draw(200, 260, (g, w, h) => {
        g.fillStyle = "#1d4ed8";
        g.fillRect(30, 170, 140, 90);
        g.fillStyle = "#f2c29b";
        g.beginPath();
        g.ellipse(w / 2, 100, 60, 75, 0, 0, Math.PI * 2);
        g.fill();
      }),
      eyes_open: draw(70, 20, (g) => {
        g.fillStyle = "#0f172a";
        g.beginPath();
        g.arc(15, 10, 7, 0, Math.PI * 2);
        g.arc(55, 10, 7, 0, Math.PI * 2);
        g.fill();
      }),
      eyes_closed: draw(70, 20, (g) => {
        g.fillStyle = "#0f172a";
        g.fillRect(6, 9, 18, 3);
        g.fillRect(46, 9, 18, 3);
      }),
    };
    "ABCDEFGHX".split("").forEach((shape, i) => {
      out[`mouth_${shape}`] = draw(40, 24, (g) => {
        g.fillStyle = "#7f1d1d";
        g.beginPath();
        g.ellipse(20, 12, 16, 2 + i, 0, 0, Math.PI * 2);
        g.fill();
      });
    });
    return out;
  });
}

async function uploadPng(name, base64) {
  const form = new FormData();
  form.append("file", new Blob([Buffer.from(base64, "base64")], { type: "image/png" }), name);
  form.append("name", name);
  const response = await fetch(`${API_URL}/assets`, { method: "POST", body: form });
  const text = await response.text();
  assert.equal(response.status, 201, text);
  return JSON.parse(text);
}

test("create a puppet from its parts, place its mouth with the keyboard, and preview it", async () => {
  const page = await openPage(browser.context, "avatars");
  await page.getByTestId("model-title").waitFor();
  const images = await puppetImages(page);
  for (const [role, data] of Object.entries(images)) await uploadPng(`${RUN}-${role}.png`, data);
  await page.reload();
  await page.getByTestId("model-title").waitFor();

  await page.getByLabel("Tipo").selectOption("puppet");
  await page.getByLabel("Nombre", { exact: true }).fill(NAME);
  const labels = { base: "Cuerpo (base)", eyes_open: "Ojos abiertos", eyes_closed: "Ojos cerrados", mouth_X: "Boca X (reposo)" };
  for (const role of Object.keys(images)) {
    const label = labels[role] ?? `Boca ${role.slice(-1)}`;
    await page.getByLabel(label, { exact: true }).selectOption({ label: `${RUN}-${role}.png` });
  }
  // The points start on the base; the mouth is moved down 12 px with the keyboard.
  const mouth = page.locator('[data-anchor="mouth"]');
  await mouth.waitFor();
  const before = await mouth.getAttribute("aria-label");
  assert.match(before, /^Boca: x 100, y 143$/);
  await mouth.focus();
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  assert.equal(await mouth.getAttribute("aria-label"), "Boca: x 100, y 155");
  await page.locator("#new-voice-rate").fill("1.2");
  await page.getByRole("button", { name: "Crear modelo" }).click();

  await page.getByTestId("model-title").filter({ hasText: NAME }).waitFor();
  await page.getByRole("navigation", { name: "Modelos" }).getByRole("link", { name: new RegExp(NAME) }).and(page.locator("[aria-current=page]")).waitFor();
  assert.equal(await page.locator("#model-voice-rate").inputValue(), "1.2");
  await page.getByRole("heading", { name: "Puntos de la cara" }).waitFor();
  assert.equal(await page.locator('.anchor-editor [data-anchor="mouth"]').first().getAttribute("aria-label"), "Boca: x 100, y 155");

  await page.getByRole("button", { name: "Hacer que hable" }).click();
  const book = page.getByTestId("flipbook");
  await book.waitFor({ timeout: 30_000 });
  const img = book.locator("img");
  await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await img.elementHandle());
  const first = await book.getAttribute("data-frame");
  await page.waitForFunction(([el, was]) => el.dataset.frame !== was, [await book.elementHandle(), first], { timeout: 3000 });
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, "avatars-puppet-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at 390 px`);
  await screenshot(page, "avatars-puppet-390");
  assert.deepEqual(page.problems, []);
  await page.close();
});
