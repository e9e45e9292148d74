/// <reference types="vitest/config" />
// The studio is served by the API at /studio (src/gala/studio.py), so every asset URL is under it.
// `npm run dev` proxies the API (GALA_API_URL, default http://127.0.0.1:8080) for hot reload.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { galaContract } from "./build/contract";

const api = process.env.GALA_API_URL ?? "http://127.0.0.1:8080";
const apiPaths = ["/health", "/assets", "/models", "/templates", "/jobs", "/keys", "/webhooks", "/batches", "/batch-uploads"];

export default defineConfig({
  base: "/studio/",
  plugins: [react(), galaContract()],
  build: { outDir: "dist", sourcemap: false, manifest: true, chunkSizeWarningLimit: 400 },
  server: {
    fs: { allow: [".."] }, // the gallery reads ../examples and ../docs/examples
    proxy: Object.fromEntries(apiPaths.map((p) => [p, { target: api, changeOrigin: true }])) },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
  },
});
