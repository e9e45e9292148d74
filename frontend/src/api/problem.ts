// GALA answers errors as RFC 9457 problem+json with an `errors` list naming the field (a JSON
// pointer into the body, or a query/path parameter). ApiError carries it to the screens, which
// show the detail at the field it points at (components/ErrorView, fieldErrors()).
import type { components } from "./schema";

export type Problem = components["schemas"]["Problem"];
export type ProblemError = components["schemas"]["ProblemError"];

export interface FieldError {
  /** Where: a JSON pointer such as `/params/quote`, or a parameter name such as `?limit`. */
  field: string;
  detail: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fields: FieldError[];
  readonly retryAfter: number | undefined;
  /** The parsed answer, for problems that carry more than `errors` (415 `supported`, 409 `users`). */
  readonly body: unknown;

  constructor(status: number, title: string, detail?: string, fields: FieldError[] = [], retryAfter?: number, body?: unknown) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = "ApiError";
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.fields = fields;
    this.retryAfter = retryAfter;
    this.body = body;
  }

  /** The errors whose pointer is `pointer` or lies under it. */
  at(pointer: string): FieldError[] {
    return this.fields.filter((f) => f.field === pointer || f.field.startsWith(`${pointer}/`));
  }
}

function isProblem(body: unknown): body is Problem {
  return typeof body === "object" && body !== null && "title" in body && "status" in body;
}

function fieldOf(error: ProblemError): string {
  if (error.pointer !== undefined) return error.pointer || "/";
  if (error.parameter) return `${error.in === "query" ? "?" : ""}${error.parameter}`;
  return "";
}

/** An ApiError from a response and its (already parsed) body, problem+json or not. */
export function apiError(response: Response, body: unknown): ApiError {
  const retry = Number(response.headers.get("Retry-After"));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : undefined;
  if (isProblem(body)) {
    const fields = (body.errors ?? []).map((e) => ({ field: fieldOf(e), detail: e.detail }));
    return new ApiError(body.status, body.title, body.detail, fields, retryAfter, body);
  }
  const text = typeof body === "string" && body.length < 300 ? body : undefined;
  return new ApiError(response.status, response.statusText || `HTTP ${response.status}`, text, [], retryAfter);
}

/** A fetch that failed before any answer (server down, network, CORS). */
export function networkError(cause: unknown): ApiError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new ApiError(0, "network", detail);
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}
