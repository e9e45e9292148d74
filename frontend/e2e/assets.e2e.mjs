// Assets: upload an image with the keyboard-reachable file button, see its progress, its poster
// and media facts in the library; a text file is refused with the problem's detail; a template
// that uses the image keeps it, and the refusal to delete says which template.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { apiJson, axeViolations, openPage, screenshot, sharedBrowser } from "./browser.mjs";
import { chooseFiles } from "./files.mjs";

let browser;
const RUN = Date.now().toString(36); // names unique to this run, so a reused GALA does not confuse them
const LOGO = `logo-e2e-${RUN}.png`;
const TEMPLATE = `e2e-uses-logo-${RUN}`;
before(async () => {
  browser = await sharedBrowser();
});

/** A PNG drawn by the browser itself (no fixture file). */
async function pngFrom(page, width, height) {
  const dataUrl = await page.evaluate(
    ([w, h]) => {
      const canvas = document.createElement("canvas");
      canvas.width = w;
      canvas.height = h;
      const g = canvas.getContext("2d");
      g.fillStyle = "#1d4ed8";
      g.fillRect(0, 0, w, h);
      g.fillStyle = "#f59e0b";
      g.beginPath();
      g.arc(w / 2, h / 2, h / 3, 0, Math.PI * 2);
      g.fill();
      return canvas.toDataURL("image/png");
    },
    [width, height],
  );
  return Buffer.from(dataUrl.split(",")[1], "base64");
}

test("upload an image, see its poster and media facts; a text file is refused; in use, it is kept", async () => {
  const page = await openPage(browser.context, "assets", { expectFailure: [409, 415] });
  await page.getByRole("heading", { level: 1, name: "Recursos" }).waitFor();
  const png = await pngFrom(page, 64, 48);
  await chooseFiles(page, "Elegir archivos…", [
    { name: LOGO, mimeType: "image/png", buffer: png },
    { name: "notas.txt", mimeType: "text/plain", buffer: Buffer.from("not media\n") },
  ]);

  const card = page.getByTestId("asset-card").filter({ has: page.getByRole("heading", { name: LOGO }) });
  await card.waitFor();
  const poster = card.getByTestId("asset-poster");
  await poster.waitFor();
  await page.waitForFunction((img) => img.complete && img.naturalWidth === 64, await poster.elementHandle());
  const facts = await card.locator(".asset-facts").innerText();
  assert.match(facts, /64×48/);
  assert.match(facts, /image\/png/);
  await card.getByRole("button", { name: "Ver" }).click();
  await card.getByRole("img", { name: LOGO, exact: true }).waitFor(); // the full view, fetched with the key

  // The refusal names what is accepted (the problem's detail).
  const refused = page.getByTestId("upload-row").filter({ hasText: "notas.txt" });
  await refused.getByRole("alert").waitFor();
  const alert = await refused.getByRole("alert").innerText();
  assert.match(alert, /\(415\)/);
  assert.match(alert, /Supported: images PNG/);

  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, "assets-1280");

  // Use it: a template whose composition shows it; deleting it is refused and the template named.
  const asset = (await apiJson("/assets?kind=image&limit=100")).items.find((a) => a.name === LOGO);
  await apiJson("/templates", {
    method: "POST",
    body: JSON.stringify({
      name: TEMPLATE,
      composition: {
        version: 2,
        output: { size: { width: 160, height: 90 }, fps: 10, duration: 1 },
        tracks: [{ clips: [{ type: "image", asset: asset.id }] }],
      },
    }),
  });
  await card.getByRole("button", { name: "Eliminar" }).click();
  await card.getByRole("button", { name: "Sí, eliminar" }).click();
  const inUse = card.locator(".in-use");
  await inUse.waitFor();
  await inUse.getByRole("link", { name: TEMPLATE }).waitFor();
  assert.match(await inUse.innerText(), /versión 1/);
  assert.ok(await card.isVisible(), "the asset is still listed");

  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at 390 px`);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, "assets-390");
  assert.deepEqual(page.problems, []);
  await page.close();
});
