// A person's path: make a template from a gallery example, change a parameter and see the frame
// change, break and mend the composition (errors at the field), render, watch the progress, play
// the result; axe-core on every screen; screenshots at 1280 and 390 px.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { before, test } from "node:test";
import { apiJson, axeViolations, narrowProblems, openPage, screenshot, sharedBrowser } from "./browser.mjs";

let browser;
before(async () => {
  browser = await sharedBrowser();
});

/** The SHA-256 of the bytes the preview <img> shows now. */
async function previewHash(page) {
  return page.getByTestId("preview").evaluate(async (img) => {
    const bytes = await (await fetch(img.src)).arrayBuffer();
    const digest = await crypto.subtle.digest("SHA-256", bytes);
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  });
}

async function waitForNewPreview(page, previous, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const busy = await page.locator(".preview-busy").count();
    const hash = (await page.getByTestId("preview").count()) ? await previewHash(page) : null;
    if (!busy && hash && hash !== previous) return hash;
    assert.ok(Date.now() < deadline, "the preview did not change");
    await page.waitForTimeout(100);
  }
}

test("from a gallery example to a played video", async () => {
  const page = await openPage(browser.context, "templates");
  await page.getByRole("heading", { name: "Empieza con un ejemplo" }).waitFor();
  await page.locator(".tile img").first().waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, "gallery-1280");

  // Create from the quote_card example: the editor opens on it, with its first frame.
  // With the keyboard only: focus the example's button and press Enter.
  await page.getByRole("button", { name: "Usar «quote_card»" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/studio\/templates\/[0-9a-f-]{36}$/);
  await page.getByRole("heading", { level: 1, name: /quote_card/ }).waitFor();
  const first = await waitForNewPreview(page, null);

  // A parameter changes the frame: the bytes of the image differ.
  await page.getByLabel("quote", { exact: true }).fill("Hola desde GALA Studio");
  const second = await waitForNewPreview(page, first);
  assert.notEqual(second, first);

  // Moving the cursor with the keyboard shows another moment.
  const slider = page.getByRole("slider", { name: /Cursor/ });
  await slider.focus();
  await page.keyboard.press("Home");
  assert.equal(await page.getByTestId("cursor").innerText(), "0.00");
  const atZero = await waitForNewPreview(page, second);
  assert.notEqual(atZero, second);

  // A parameter out of range is refused at its field, before any request.
  await page.getByLabel("duration", { exact: true }).fill("1000");
  await page.locator(".param.invalid").getByText(/must be <= 60/).waitFor();
  await page.getByLabel("duration", { exact: true }).fill("2");
  await page.getByLabel("width", { exact: true }).fill("640");
  await page.getByLabel("height", { exact: true }).fill("360");

  // The composition is checked live against the contract: an error names its line and pointer.
  const json = page.getByRole("textbox", { name: "Composición (JSON)" });
  const original = await json.inputValue();
  await json.fill(original.replace('"size": 320', '"size": -5'));
  const status = page.getByTestId("composition-status");
  await status.getByText("/tracks/0/clips/1/size").waitFor();
  assert.match(await status.innerText(), /línea \d+, columna \d+/);
  await status.getByRole("button", { name: /línea/ }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), "TEXTAREA");
  await json.fill(original.replace('"size": 320', '"size": 300'));
  await status.getByText("La composición es válida.").waitFor();
  await page.getByRole("button", { name: "Guardar como versión nueva" }).click();
  await page.getByText("Guardada la versión 2.").waitFor();
  assert.equal(await page.getByRole("combobox", { name: /^Versión/ }).inputValue(), "2");
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, "editor-1280");
  assert.deepEqual(await narrowProblems(page, "editor"), []);

  // Render: the job page follows the progress live and ends with a video that plays.
  await page.getByRole("button", { name: "Renderizar", exact: true }).focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/studio\/jobs\/[0-9a-f-]{36}$/);
  const bar = page.getByRole("progressbar", { name: "Progreso" });
  await bar.waitFor();
  const seen = new Set();
  const deadline = Date.now() + 120_000;
  while ((await page.getByTestId("job-status").innerText()) !== "hecho") {
    seen.add(await bar.getAttribute("aria-valuenow"));
    assert.ok(Date.now() < deadline, "the job did not finish within 120 s");
    await page.waitForTimeout(100);
  }
  assert.equal(await bar.getAttribute("aria-valuenow"), "100");
  const video = page.getByTestId("result-video");
  await video.waitFor();
  const duration = await video.evaluate(
    (v) =>
      new Promise((resolve, reject) => {
        const done = () => resolve(v.duration);
        if (v.readyState >= 1) done();
        v.addEventListener("loadedmetadata", done, { once: true });
        v.addEventListener("error", () => reject(new Error(`video error ${v.error?.code}`)), { once: true });
      }),
  );
  assert.ok(Math.abs(duration - 2) < 0.2, `the video lasts ${duration} s, not 2`);
  await video.evaluate((v) => v.play().then(() => new Promise((r) => setTimeout(r, 500))).then(() => v.pause()));
  assert.ok((await video.evaluate((v) => v.currentTime)) > 0, "the video did not play");
  await page.getByRole("link", { name: /Descargar output\.mp4/ }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, "job-done-1280");
  console.log(`progress values seen: ${[...seen].join(", ")}`);

  // The list, filtered by status, has it.
  await page.getByRole("link", { name: "← Todos los trabajos" }).click();
  await page.getByRole("combobox", { name: /^Estado/ }).selectOption("done");
  await page.waitForURL(/status=done/);
  await page.locator("table.jobs tbody tr").first().waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, "jobs-1280");
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("a running job is followed live and canceled from its page", async () => {
  const example = JSON.parse(readFileSync(new URL("../../examples/quote_card/template.json", import.meta.url), "utf8"));
  const template = await apiJson("/templates", { method: "POST", body: JSON.stringify(example) });
  const job = await apiJson("/jobs", {
    method: "POST",
    body: JSON.stringify({ template_id: template.id, params: { duration: 60 } }),
  });
  const page = await openPage(browser.context, `jobs/${job.id}`);
  await page.getByText("Siguiendo el progreso en directo").waitFor();
  await page.getByRole("button", { name: "Cancelar el trabajo" }).click();
  await page.getByTestId("job-status").getByText("cancelado").waitFor();
  await page.getByText("El trabajo se canceló.").waitFor();
  assert.equal(await page.getByRole("button", { name: "Cancelar el trabajo" }).count(), 0);
  assert.equal((await apiJson(`/jobs/${job.id}`)).status, "canceled");
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, "job-canceled-1280");
  assert.deepEqual(page.problems, []);
  await page.close();
});
