// Batches: a 5-row CSV whose columns are mapped to a template's parameters (one by its name, one
// by hand, one naming the outputs), its rows followed live to done, and the archive downloaded:
// a ZIP holding every row's video.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { before, test } from "node:test";
import { chooseFiles } from "./files.mjs";
import { apiJson, axeViolations, openPage, screenshot, sharedBrowser } from "./browser.mjs";

let browser;
const TEMPLATE = `e2e-batch-card-${Date.now().toString(36)}`; // unique, so a reused GALA does not confuse it
// Top-level hooks run before every spec's tests, so the template is made inside the test: the
// Templates spec, which runs first, sees only its own.
before(async () => {
  browser = await sharedBrowser();
});

async function makeTemplate() {
  return apiJson("/templates", {
    method: "POST",
    body: JSON.stringify({
      name: TEMPLATE,
      composition: {
        version: 2,
        output: { size: { width: 160, height: 90 }, fps: 10, duration: 1 },
        background: { $param: "color" },
        tracks: [{ clips: [{ type: "text", text: { $param: "title" }, size: 20, color: "#ffffff" }] }],
      },
      parameters: {
        type: "object",
        additionalProperties: false,
        required: ["title"],
        properties: {
          title: { type: "string", minLength: 1 },
          color: { type: "string", pattern: "^#[0-9A-Fa-f]{6}$", default: "#0f172a" },
        },
      },
    }),
  });
}

const CSV = [
  "Title,Colour,slug,notes",
  'Uno,#1d4ed8,card-1,"first, with a comma"',
  "Dos,#166534,card-2,",
  'Tres,#b91c1c,card-3,"say ""hi"""',
  "Cuatro,,card-4,",
  "Cinco,#7c3aed,card-5,last",
].join("\n");

test("run a 5-row CSV batch, follow it to done and download its archive", async () => {
  await makeTemplate();
  const page = await openPage(browser.context, "batches");
  await page.getByLabel("Plantilla").selectOption({ label: TEMPLATE });
  await chooseFiles(page, "Elegir CSV…", { name: "tarjetas.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
  await page.getByTestId("csv-info").filter({ hasText: "5 filas, 4 columnas" }).waitFor();

  // Title maps itself; Colour by hand; slug names the outputs; notes stays out.
  assert.equal(await page.getByLabel("Parámetro: Title").inputValue(), "title");
  assert.equal(await page.getByLabel("Parámetro: notes").inputValue(), "");
  await page.getByLabel("Parámetro: Colour").selectOption("color");
  await page.getByLabel("Nombrar los archivos con la columna").selectOption({ label: "slug" });
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, "batches-new-1280");

  await page.getByRole("button", { name: "Lanzar el lote" }).click();
  const batch = page.getByTestId("batch");
  await batch.waitFor();
  await page.waitForSelector('[data-testid="batch"][data-status="done"]', { timeout: 60_000 });
  const rows = page.getByTestId("batch-rows").locator("tbody tr");
  assert.equal(await rows.count(), 5);
  for (let i = 0; i < 5; i++) {
    assert.equal(await rows.nth(i).getAttribute("data-status"), "done");
    assert.match(await rows.nth(i).innerText(), new RegExp(`card-${i + 1}[\\s\\S]*hecho`));
  }
  assert.match(await batch.innerText(), /5 hechas · 0 fallidas/);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Descargar el ZIP" }).click(),
  ]);
  const bytes = await readFile(await download.path());
  assert.equal(bytes.subarray(0, 4).toString("latin1"), "PK\u0003\u0004", "the archive is a ZIP");
  for (let i = 1; i <= 5; i++) assert.ok(bytes.includes(Buffer.from(`card-${i}.mp4`)), `card-${i}.mp4 is in the archive`);
  await page.getByText(/ZIP descargado/).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, "batches-done-1280");

  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px at 390 px`);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, "batches-done-390");
  assert.deepEqual(page.problems, []);
  await page.close();
});
