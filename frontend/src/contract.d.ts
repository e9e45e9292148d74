// The module that build/contract.ts makes from openapi/gala.yaml at build time.
declare module "virtual:gala-contract" {
  /** JSON Schema 2020-12: the contract's `Composition` and every schema it reaches. */
  export const compositionSchema: Record<string, unknown>;
  /** JSON Schema 2020-12: the contract's `ParametersSchema` (a template's parameters). */
  export const parametersSchema: Record<string, unknown>;
  /** Each enum-only schema of the contract (`JobStatus`, `AssetKind`, …) by name. */
  export const enums: Record<string, readonly string[]>;
}
