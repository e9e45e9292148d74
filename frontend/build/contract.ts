// `virtual:gala-contract`: JSON Schemas taken from openapi/gala.yaml when the studio is built, so
// the editor validates compositions with the contract's own schema (no hand-written copy).
// Exports `compositionSchema` (a JSON Schema 2020-12 document: `Composition` with every schema it
// reaches under `$defs`) and `enums` (each enum-only component schema, by name).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { parse } from "yaml";

export const SPEC = fileURLToPath(new URL("../../openapi/gala.yaml", import.meta.url));
const ID = "virtual:gala-contract";
const RESOLVED = `\0${ID}`;
const COMPONENT = "#/components/schemas/";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schemas = Record<string, Json>;

/** A `oneOf` with an OpenAPI `discriminator` (Clip: `type` picks the kind) as plain JSON Schema:
 * `type` must be one of the mapping's keys, and `if type is k then <k's schema>`. Same meaning,
 * but a validator then reports only the errors of the kind the clip says it is, not of all 11. */
function discriminated(node: { [key: string]: Json }): { [key: string]: Json } {
  const discriminator = node.discriminator as { propertyName: string; mapping: Record<string, string> };
  const { propertyName: key, mapping } = discriminator;
  const { oneOf: _oneOf, discriminator: _discriminator, ...rest } = node;
  return {
    ...rest,
    type: "object",
    required: [key],
    properties: { [key]: { enum: Object.keys(mapping) } },
    allOf: Object.entries(mapping).map(([value, ref]) => ({
      if: { properties: { [key]: { const: value } }, required: [key] },
      then: { $ref: ref },
    })),
  };
}

/** `$ref`s to components rewritten to `#/$defs/…`, collecting the names reached. */
function rewrite(node: Json, schemas: Schemas, reached: Set<string>): Json {
  if (Array.isArray(node)) return node.map((item) => rewrite(item, schemas, reached));
  if (node === null || typeof node !== "object") return node;
  if (node.discriminator && typeof node.discriminator === "object" && Array.isArray(node.oneOf)) {
    node = discriminated(node);
  }
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string" && value.startsWith(COMPONENT)) {
      const name = value.slice(COMPONENT.length);
      if (!(name in schemas)) throw new Error(`${SPEC}: ${value} names no schema`);
      reached.add(name);
      out[key] = `#/$defs/${name}`;
    } else {
      out[key] = rewrite(value, schemas, reached);
    }
  }
  return out;
}

/** The schema `root` of the contract as a standalone JSON Schema document. */
export function bundle(schemas: Schemas, root: string): Record<string, Json> {
  const defs: Record<string, Json> = {};
  const reached = new Set([root]);
  const done = new Set<string>();
  while (done.size < reached.size) {
    for (const name of [...reached]) {
      if (done.has(name)) continue;
      done.add(name);
      defs[name] = rewrite(schemas[name] as Json, schemas, reached);
    }
  }
  return { $schema: "https://json-schema.org/draft/2020-12/schema", $ref: `#/$defs/${root}`, $defs: defs };
}

export function contractModule(specPath = SPEC): string {
  const spec = parse(readFileSync(specPath, "utf8")) as { components: { schemas: Schemas } };
  const schemas = spec.components.schemas;
  const enums: Record<string, Json> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    if (schema && typeof schema === "object" && !Array.isArray(schema) && Array.isArray(schema.enum)) {
      enums[name] = schema.enum;
    }
  }
  return [
    `export const compositionSchema = ${JSON.stringify(bundle(schemas, "Composition"))};`,
    `export const parametersSchema = ${JSON.stringify(bundle(schemas, "ParametersSchema"))};`,
    `export const enums = ${JSON.stringify(enums)};`,
  ].join("\n");
}

export function galaContract(): Plugin {
  return {
    name: "gala-contract",
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      this.addWatchFile(SPEC);
      return contractModule();
    },
  };
}
