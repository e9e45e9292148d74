// The shell: navigation, language switch, keyboard reach, the settings screen's readiness panel,
// at 1280 px and at a 390 px phone, with axe-core finding no serious or critical violation.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { axeViolations, narrowProblems, openPage, screenshot, sharedBrowser } from "./browser.mjs";

let browser;
before(async () => {
  browser = await sharedBrowser();
});

test("the studio opens on templates, in Spanish, and switches to English", async () => {
  const page = await openPage(browser.context);
  await page.waitForURL(/\/studio\/templates$/);
  const nav = page.getByRole("navigation", { name: "Navegación principal" });
  for (const name of ["Plantillas", "Recursos", "Trabajos", "Avatares", "Lotes", "Ajustes"]) {
    await nav.getByRole("link", { name }).waitFor();
  }
  await page.getByLabel("Idioma").selectOption("en");
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Settings" }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), "en");
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("settings shows readiness, reached with the keyboard only, at 1280 and 390 px", async () => {
  const page = await openPage(browser.context, "settings");
  // The skip link is the first stop; Tab on reaches every nav link.
  await page.locator(".skip-link").waitFor({ state: "attached" }); // React has rendered the shell
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Saltar al contenido");
  const readiness = page.getByTestId("readiness");
  await readiness.waitFor();
  const text = await readiness.innerText();
  for (const name of ["Base de datos", "Cola de trabajos", "Almacenamiento"]) assert.match(text, new RegExp(name));
  assert.doesNotMatch(text, /falla/);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, "settings-1280");

  assert.deepEqual(await narrowProblems(page, "settings"), []);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("an API key is kept in sessionStorage only", async () => {
  const page = await openPage(browser.context, "settings");
  await page.getByLabel(/Clave \(gala_/).fill("gala_e2e_not_a_real_key");
  await page.getByRole("button", { name: "Usar esta clave" }).click();
  await page.getByText("Clave guardada para esta sesión.").waitFor();
  const stored = await page.evaluate(() => ({
    session: sessionStorage.getItem("gala.apiKey"),
    local: Object.values(localStorage).some((v) => v.includes("gala_e2e")),
    cookie: document.cookie,
  }));
  assert.deepEqual(stored, { session: "gala_e2e_not_a_real_key", local: false, cookie: "" });
  await page.getByRole("button", { name: "Olvidar la clave" }).click();
  assert.equal(await page.evaluate(() => sessionStorage.getItem("gala.apiKey")), null);
  await page.close();
});
