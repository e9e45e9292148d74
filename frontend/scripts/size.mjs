// The studio's first load in gzipped JavaScript, from the build's manifest: the entry chunk, the
// chunks it imports statically, and the home screen's chunk (routes.tsx HOME) with its static
// imports: what a browser fetches to show /studio/. Fails (exit 1) over the budget.
//   node scripts/size.mjs [--budget-kb 300]
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const dist = new URL("../dist/", import.meta.url).pathname;
const budgetArg = process.argv.indexOf("--budget-kb");
const budgetKb = budgetArg > 0 ? Number(process.argv[budgetArg + 1]) : 300;
const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8"));
const home = readFileSync(new URL("../src/routes.tsx", import.meta.url), "utf8").match(/HOME = "(\w+)"/)[1];

const chunks = new Set();
function take(key) {
  const chunk = manifest[key];
  if (!chunk || chunks.has(key)) return;
  chunks.add(key);
  for (const imported of chunk.imports ?? []) take(imported);
}
const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
take(entry);
const homeScreen = manifest[entry].dynamicImports?.find((key) => key.includes(`/screens/${home}/`));
if (!homeScreen) throw new Error(`no chunk for the home screen "${home}" in the manifest`);
take(homeScreen);

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
let first = 0;
for (const key of chunks) {
  const size = gz(manifest[key].file);
  first += size;
  console.log(`  ${(size / 1024).toFixed(1).padStart(7)} KB gz  ${manifest[key].file}`);
}
const all = Object.values(manifest)
  .filter((chunk) => chunk.file.endsWith(".js"))
  .reduce((sum, chunk) => sum + gz(chunk.file), 0);
console.log(`first load: ${(first / 1024).toFixed(1)} KB of gzipped JavaScript (budget ${budgetKb} KB); every chunk: ${(all / 1024).toFixed(1)} KB`);
if (first > budgetKb * 1024) {
  console.error(`the first load is over the budget by ${((first - budgetKb * 1024) / 1024).toFixed(1)} KB`);
  process.exit(1);
}
