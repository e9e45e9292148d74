// Every e2e spec, in one process and one browser: `node --test-reporter=spec e2e/run.mjs`
// (tests/ui/test_studio_e2e.py runs it against a real GALA it starts). A new spec is one import.
import { after } from "node:test";
import { closeSharedBrowser } from "./browser.mjs";
import "./shell.e2e.mjs";
import "./templates.e2e.mjs";
import "./assets.e2e.mjs";
import "./avatars.e2e.mjs";
import "./batches.e2e.mjs";

after(closeSharedBrowser);
