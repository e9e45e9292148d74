// The kinds of model one can create and the roles of their reference images, from the contract:
// ModelCreate.kind (checked complete by the type checker) and ReferenceRole (the built contract).
import { enums } from "virtual:gala-contract";
import type { components } from "../../api/schema";
import type { Point } from "./AnchorEditor";

export type ModelKind = NonNullable<components["schemas"]["ModelCreate"]["kind"]>;
export type ReferenceRole = components["schemas"]["ReferenceRole"];
export type Anchors = components["schemas"]["ModelAnchors"];

export const MODEL_KINDS = ["puppet", "photo", "avatar"] as const satisfies readonly ModelKind[];
type Missing = Exclude<ModelKind, (typeof MODEL_KINDS)[number]>;
const complete: Missing extends never ? true : Missing = true;
void complete;

export const ROLES = (enums.ReferenceRole ?? []) as readonly ReferenceRole[];
/** A puppet has an image for every role but `photo`; a photo model has only that one. */
export const PUPPET_ROLES = ROLES.filter((role) => role !== "photo");

/** The anchors a kind's face is placed by (ModelAnchors' points), in the order they are shown. */
export const ANCHOR_NAMES = {
  puppet: ["eyes", "mouth", "pivot"],
  photo: ["left_eye", "right_eye", "mouth", "jaw"],
} as const satisfies Record<"puppet" | "photo", readonly (keyof Anchors)[]>;

/** Where a puppet's points start on a base image of this size, before they are placed. */
export function startingAnchors(width: number, height: number): { eyes: Point; mouth: Point } {
  return { eyes: [Math.round(width / 2), Math.round(height * 0.38)], mouth: [Math.round(width / 2), Math.round(height * 0.55)] };
}
