// The studio's API types from the contract: `node scripts/client.mjs [OUT]` (default
// src/api/schema.d.ts). One place for the generator's options, used by `make client-ts` and by
// the drift test (tests/test_generated_ts_client.py):
//   --default-non-nullable false  a field with a default stays optional in requests (the API fills it);
//   --empty-objects-unknown       `type: object` without properties (params, labels) is any object.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const spec = join(here, "..", "..", "openapi", "gala.yaml");
const out = process.argv[2] ?? join(here, "..", "src", "api", "schema.d.ts");
const cli = join(dirname(createRequire(import.meta.url).resolve("openapi-typescript/package.json")), "bin", "cli.js");
const done = spawnSync(process.execPath, [cli, spec, "-o", out, "--default-non-nullable", "false", "--empty-objects-unknown"], {
  stdio: "inherit",
});
process.exit(done.status ?? 1);
