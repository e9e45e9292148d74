// The only way the studio talks to GALA: openapi-fetch over the types generated from
// openapi/gala.yaml (src/api/schema.d.ts, `make client-ts`). Paths, bodies and answers are typed
// by the contract; `call` turns a non-2xx answer into an ApiError (problem.ts).
import createClient, { type Middleware } from "openapi-fetch";
import { authHeaders } from "./key";
import { ApiError, apiError, isAbort, networkError } from "./problem";
import type { paths } from "./schema";

/** The API's origin: the studio is served by the API itself (/studio), or proxied by Vite in dev. */
export const apiBase = typeof window === "undefined" ? "http://localhost" : window.location.origin;

const bearer: Middleware = {
  onRequest({ request }) {
    for (const [name, value] of Object.entries(authHeaders())) request.headers.set(name, value);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: apiBase });
api.use(bearer);

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Await an openapi-fetch call; its data, or an ApiError (problem+json made readable). */
export async function call<T>(request: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await request;
  } catch (cause) {
    if (isAbort(cause)) throw cause;
    throw cause instanceof ApiError ? cause : networkError(cause);
  }
  if (!answer.response.ok) throw apiError(answer.response, answer.error);
  return answer.data as T;
}

/** Fetch a binary resource (media content) with the key, as an object URL the caller revokes. */
export async function fetchObjectUrl(path: string, signal?: AbortSignal): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${apiBase}${path}`, { headers: authHeaders(), signal });
  } catch (cause) {
    if (isAbort(cause)) throw cause;
    throw networkError(cause);
  }
  if (!response.ok) {
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    throw apiError(response, body);
  }
  return URL.createObjectURL(await response.blob());
}
