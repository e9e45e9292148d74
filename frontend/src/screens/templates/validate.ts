// Live validation with the contract's own schemas (virtual:gala-contract, made from
// openapi/gala.yaml at build time) by Ajv (JSON Schema 2020-12, as the API validates).
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import { compositionSchema } from "virtual:gala-contract";
import type { FieldError } from "../../api/problem";

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
const composition = ajv.compile(compositionSchema);
const compiled = new WeakMap<object, ValidateFunction | null>();

function message(error: ErrorObject): string {
  if (error.keyword === "additionalProperties" || error.keyword === "unevaluatedProperties") {
    const extra = (error.params as { additionalProperty?: string; unevaluatedProperty?: string });
    return `unknown field "${extra.additionalProperty ?? extra.unevaluatedProperty}"`;
  }
  if (error.keyword === "enum") return `${error.message}: ${(error.params as { allowedValues: unknown[] }).allowedValues.join(", ")}`;
  if (error.keyword === "required") return `missing field "${(error.params as { missingProperty: string }).missingProperty}"`;
  return error.message ?? error.keyword;
}

/** The errors worth showing: the deepest ones (a failed anyOf/if above them adds nothing). */
export function prune(errors: readonly ErrorObject[], prefix = ""): FieldError[] {
  const wrappers = new Set(["anyOf", "oneOf", "if", "allOf", "not"]);
  const specific = errors.filter((e) => !wrappers.has(e.keyword));
  const chosen = specific.length ? specific : [...errors];
  // Under anyOf (value or {$param}) both branches fail; the {$param} branch's complaints
  // (must be object / missing $param) only confuse when the value is meant to be literal.
  const meaningful = chosen.filter((e) => !(e.keyword === "required" && (e.params as { missingProperty?: string }).missingProperty === "$param"));
  // At one place, "must be object" (the {$param} branch) beside "must be >= 0" (the value's own
  // branch): the value has a type one branch accepts, so its type is not the problem.
  const typed = meaningful.filter(
    (e) => e.keyword !== "type" || !meaningful.some((o) => o.instancePath === e.instancePath && o.keyword !== "type"),
  );
  const deepest = typed.filter((e) => !typed.some((o) => o !== e && o.instancePath.startsWith(`${e.instancePath}/`)));
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of deepest.length ? deepest : chosen) {
    const field = `${prefix}${e.instancePath}`;
    const detail = message(e);
    const key = `${field}\u0000${detail}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ field, detail });
    }
  }
  return out;
}

export function compositionErrors(value: unknown): FieldError[] {
  return composition(value) ? [] : prune(composition.errors ?? []);
}

/** Errors of `params` against a template's parameter schema (pointers under /params). */
export function paramErrors(schema: Record<string, unknown>, params: unknown): FieldError[] {
  if (!compiled.has(schema)) {
    try {
      compiled.set(schema, ajv.compile(schema));
    } catch {
      compiled.set(schema, null); // the API checks it when the template is saved
    }
  }
  const validate = compiled.get(schema);
  if (!validate || validate(params)) return [];
  return prune(validate.errors ?? [], "/params");
}
