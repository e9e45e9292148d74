// Number limits read from the contract the API serves (/openapi.json), so the voice fields' min,
// max and step are the schema's own (Voice, ModelPreview) and never a copy. Read once per page.
import { apiBase } from "../../api/client";

export interface NumberLimits {
  min?: number;
  max?: number;
  /** Set for integers. */
  integer?: boolean;
  default?: number;
}

type Document = { components?: { schemas?: Record<string, unknown> } };
let contract: Promise<Document | null> | null = null;

function load(): Promise<Document | null> {
  contract ??= fetch(`${apiBase}/openapi.json`)
    .then((r) => (r.ok ? (r.json() as Promise<Document>) : null))
    .catch(() => null);
  return contract;
}

/** The limits of the number at `path` (e.g. ["Voice", "rate"] or ["ModelPreview", "voice", "pitch"]). */
export function limitsIn(document: Document | null, path: readonly string[]): NumberLimits {
  let node: unknown = document?.components?.schemas?.[path[0]!];
  for (const name of path.slice(1)) {
    node = (node as { properties?: Record<string, unknown> } | undefined)?.properties?.[name];
  }
  const schema = (node ?? {}) as Record<string, unknown>;
  const num = (key: string) => (typeof schema[key] === "number" ? (schema[key] as number) : undefined);
  return {
    min: num("minimum") ?? num("exclusiveMinimum"),
    max: num("maximum") ?? num("exclusiveMaximum"),
    integer: schema.type === "integer" || undefined,
    default: num("default"),
  };
}

export function loadContract(): Promise<Document | null> {
  return load();
}
