// Avatars: the built-in presenter is chosen, made to speak, and its preview plays (the strip's
// image loaded, the frame shown changes); a model of one's own is created with its voice.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { axeViolations, openPage, screenshot, sharedBrowser } from "./browser.mjs";

let browser;
const NAME = `Narradora e2e ${Date.now().toString(36)}`; // unique, so a reused GALA does not confuse it
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

test("create a model with its voice, in Spanish", async () => {
  const page = await openPage(browser.context, "avatars");
  await page.getByTestId("model-title").waitFor();
  await page.getByLabel("Nombre").fill(NAME);
  await page.locator("#new-voice-language").fill("es");
  await page.locator("#new-voice-rate").fill("1.2");
  await page.getByRole("button", { name: "Crear modelo" }).click();
  await page.getByTestId("model-title").filter({ hasText: NAME }).waitFor();
  assert.equal(await page.locator("#model-voice-rate").inputValue(), "1.2");
  await page.getByRole("navigation", { name: "Modelos" }).getByRole("link", { name: new RegExp(NAME) }).and(page.locator("[aria-current=page]")).waitFor();
  assert.deepEqual(page.problems, []);
  await page.close();
});
