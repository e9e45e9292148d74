// The example gallery (examples/<name>/template.json, posters docs/examples/<name>.jpg, both made
// by examples/gallery.py) bundled at build time: the posters as files, each template loaded when
// it is used.
import type { components } from "../../api/schema";

export type TemplateCreate = components["schemas"]["TemplateCreate"];

const templates = import.meta.glob<TemplateCreate>("../../../../examples/*/template.json", { import: "default" });
const posters = import.meta.glob<string>("../../../../docs/examples/*.jpg", { query: "?url", import: "default", eager: true });

export interface Example {
  name: string;
  poster: string | undefined;
  load: () => Promise<TemplateCreate>;
}

const nameOf = (path: string) => path.split("/").at(-2)!;
const posterOf = (name: string) =>
  Object.entries(posters).find(([path]) => path.endsWith(`/${name}.jpg`))?.[1];

export const examples: Example[] = Object.entries(templates)
  .map(([path, load]) => ({ name: nameOf(path), poster: posterOf(nameOf(path)), load }))
  .sort((a, b) => a.name.localeCompare(b.name));

/** The label a template made from an example carries (its poster is the example's). */
export const EXAMPLE_LABEL = "studio.example";

export function posterFor(labels: Record<string, string> | undefined): string | undefined {
  const name = labels?.[EXAMPLE_LABEL];
  return name ? posterOf(name) : undefined;
}

/** The asset kinds an example's parameters ask for (x-gala-asset), for its card. */
export function assetKinds(parameters: unknown): string[] {
  const kinds = new Set<string>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    const asset = (node as Record<string, unknown>)["x-gala-asset"];
    if (typeof asset === "string") kinds.add(asset);
    if (Array.isArray(asset)) asset.forEach((k) => kinds.add(String(k)));
    Object.values(node).forEach(walk);
  };
  walk(parameters);
  return [...kinds];
}
