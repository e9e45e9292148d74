// Transfers that show progress, which openapi-fetch cannot: a multipart upload through
// XMLHttpRequest (its `upload.onprogress`), and a download read chunk by chunk. The paths, form
// fields and answers are the contract's (schema.d.ts), as in client.ts; errors are ApiErrors.
import { apiBase } from "./client";
import { authHeaders } from "./key";
import { apiError, isAbort, networkError } from "./problem";
import type { paths } from "./schema";

/** The contract's paths whose POST takes multipart/form-data. */
type MultipartPath = {
  [P in keyof paths]: paths[P] extends { post: { requestBody: { content: { "multipart/form-data": unknown } } } } ? P : never;
}[keyof paths];

type Post<P extends MultipartPath> = paths[P]["post"];
/** The form's fields: the contract's multipart schema, file parts as Blobs, the rest as text. */
export type UploadForm<P extends MultipartPath> = {
  [K in keyof Post<P>["requestBody"]["content"]["multipart/form-data"]]: Blob | string;
};
/** What a 201 answers. */
export type Created<P extends MultipartPath> = Post<P>["responses"] extends { 201: { content: { "application/json": infer T } } } ? T : never;

export interface Progress {
  loaded: number;
  /** null when the size is not known (a download without Content-Length). */
  total: number | null;
}

/** A contract path with its `{name}` parameters filled in (and encoded). */
export function pathOf<P extends keyof paths>(template: P, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${template}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** POST a multipart form to `path`, reporting the bytes sent; the created resource, or an ApiError. */
export function upload<P extends MultipartPath>(
  path: P,
  form: Partial<UploadForm<P>>,
  { onProgress, signal }: { onProgress?: (p: Progress) => void; signal?: AbortSignal } = {},
): Promise<Created<P>> {
  const body = new FormData();
  for (const [name, value] of Object.entries(form) as [string, Blob | string | undefined][]) {
    if (value === undefined) continue;
    if (typeof value === "string") body.append(name, value);
    else body.append(name, value, value instanceof File ? value.name : name);
  }
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `${apiBase}${path}`);
    for (const [name, value] of Object.entries(authHeaders())) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader("Accept", "application/json, application/problem+json");
    xhr.upload.onprogress = (e) => onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : null });
    xhr.onload = () => {
      const answer = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(answer as Created<P>);
        return;
      }
      const headers = new Headers();
      const retry = xhr.getResponseHeader("Retry-After");
      if (retry) headers.set("Retry-After", retry);
      reject(apiError(new Response(null, { status: xhr.status, statusText: xhr.statusText, headers }), answer));
    };
    xhr.onerror = () => reject(networkError(new Error(`POST ${path} failed`)));
    xhr.onabort = () => reject(new DOMException("The upload was canceled.", "AbortError"));
    if (signal) {
      if (signal.aborted) {
        reject(new DOMException("The upload was canceled.", "AbortError"));
        return;
      }
      signal.addEventListener("abort", () => xhr.abort(), { once: true });
    }
    xhr.send(body);
  });
}

/** GET `path` with the key, reading it chunk by chunk (reporting the bytes received): a Blob. */
export async function download(
  path: string,
  { onProgress, signal }: { onProgress?: (p: Progress) => void; signal?: AbortSignal } = {},
): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(`${apiBase}${path}`, { headers: authHeaders(), signal });
  } catch (cause) {
    if (isAbort(cause)) throw cause;
    throw networkError(cause);
  }
  if (!response.ok) throw apiError(response, parse(await response.text()));
  const length = Number(response.headers.get("Content-Length"));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const type = response.headers.get("Content-Type") ?? "application/octet-stream";
  if (!response.body) return new Blob([await response.arrayBuffer()], { type });
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress?.({ loaded, total });
  }
  return new Blob(chunks as BlobPart[], { type });
}

/** Hand a Blob to the browser as a file download named `filename`. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
