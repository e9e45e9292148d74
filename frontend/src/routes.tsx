// The studio's screens: one entry each. A screen is a folder under screens/ with its component
// (loaded on first visit, so the first load stays small) and its strings.ts, whose `title` names
// it in the navigation. Add a screen by adding its folder and one line here.
import { lazy, type ComponentType, type LazyExoticComponent } from "react";
import type { Strings } from "./i18n/i18n";
import assets from "./screens/assets/strings";
import avatars from "./screens/avatars/strings";
import batches from "./screens/batches/strings";
import jobs from "./screens/jobs/strings";
import settings from "./screens/settings/strings";
import templates from "./screens/templates/strings";

export interface Screen {
  /** The path under /studio/, without a leading slash; the screen routes what lies below it. */
  path: string;
  strings: Strings<{ title: string }>;
  component: LazyExoticComponent<ComponentType>;
}

export const screens: readonly Screen[] = [
  { path: "templates", strings: templates, component: lazy(() => import("./screens/templates/TemplatesScreen")) },
  { path: "assets", strings: assets, component: lazy(() => import("./screens/assets/AssetsScreen")) },
  { path: "jobs", strings: jobs, component: lazy(() => import("./screens/jobs/JobsScreen")) },
  { path: "avatars", strings: avatars, component: lazy(() => import("./screens/avatars/AvatarsScreen")) },
  { path: "batches", strings: batches, component: lazy(() => import("./screens/batches/BatchesScreen")) },
  { path: "settings", strings: settings, component: lazy(() => import("./screens/settings/SettingsScreen")) },
];

/** Where /studio/ itself leads. */
export const HOME = "templates";
