// The preview round trip seen from the browser (bench/studio_bench.py drives it): for each
// template in the plan, open it in the studio's editor, set its parameters through the form (asset
// pickers included), then step the cursor with the keyboard N times, waiting for each new frame.
// Each round trip is the browser's own Resource Timing of POST /templates/{id}/preview
// (startTime to responseEnd). Prints one JSON line: {name: {times: [...ms], error}}.
//   node bench/preview.mjs PLAN.json   (STUDIO_URL as for the e2e specs)
import { readFileSync } from "node:fs";
import { closeSharedBrowser, openPage, sharedBrowser } from "../e2e/browser.mjs";

const plan = JSON.parse(readFileSync(process.argv[2], "utf8"));
const { context } = await sharedBrowser();
const results = {};

/** Wait for a frame newer than the `seen`-th preview request, shown without an error. */
async function settled(page, seen, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const busy = await page.locator(".preview-busy").count();
    const alert = page.locator(".preview [role=alert]");
    const count = await page.evaluate(
      () => performance.getEntriesByType("resource").filter((e) => e.name.endsWith("/preview") && e.responseEnd > 0).length,
    );
    if (!busy && count > seen && !(await alert.count())) return count;
    if (Date.now() > deadline) throw new Error((await alert.count()) ? await alert.innerText() : "no new frame within 15 s");
    await page.waitForTimeout(10);
  }
}

for (const item of plan.templates) {
  const page = await openPage(context, `templates/${item.template_id}`);
  try {
    await page.getByRole("slider").waitFor();
    for (const [name, value] of Object.entries(item.params)) {
      const field = page.getByLabel(name, { exact: true });
      if ((await field.evaluate((el) => el.tagName)) === "SELECT") await field.selectOption(String(value));
      else await field.fill(String(value));
    }
    let seen = await settled(page, 0, 30_000);
    const slider = page.getByRole("slider");
    await slider.focus();
    await page.keyboard.press("Home");
    seen = await settled(page, seen);
    await page.evaluate(() => performance.clearResourceTimings());
    seen = 0;
    for (let i = 0; i < plan.previews; i++) {
      await page.keyboard.press("ArrowRight");
      seen = await settled(page, seen);
    }
    const times = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .filter((e) => e.name.endsWith("/preview") && e.responseEnd > 0)
        .map((e) => e.responseEnd - e.startTime),
    );
    results[item.name] = { times };
  } catch (error) {
    results[item.name] = { times: [], error: String(error.message ?? error).slice(0, 400) };
  }
  await page.close();
}
await closeSharedBrowser();
console.log(JSON.stringify(results));
