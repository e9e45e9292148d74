// The live preview: the frame at the cursor from POST /templates/{id}/preview, asked for at most
// once per DEBOUNCE_MS of changes; a newer request aborts the one in flight, so a stale frame
// never replaces a newer one. A 429 (the API renders two previews at once) is retried after
// its Retry-After.
import { useEffect, useRef, useState } from "react";
import { api } from "../../api/client";
import { ApiError, apiError, isAbort, networkError } from "../../api/problem";

export const DEBOUNCE_MS = 120;
/** 720p: the studio previews at the width of a 1280×720 video (the API's largest). */
export const PREVIEW_WIDTH = 1280;

export interface PreviewRequest {
  templateId: string;
  version: number | null;
  t: number;
  params: Record<string, unknown>;
}

export interface PreviewState {
  url: string | null;
  loading: boolean;
  error: unknown;
  ms: number | null;
}

async function fetchFrame(request: PreviewRequest, signal: AbortSignal): Promise<Blob> {
  for (let attempt = 0; ; attempt++) {
    let answer;
    try {
      answer = await api.POST("/templates/{template_id}/preview", {
        params: { path: { template_id: request.templateId } },
        body: { t: request.t, params: request.params, version: request.version, width: PREVIEW_WIDTH },
        parseAs: "blob",
        signal,
      });
    } catch (cause) {
      if (isAbort(cause)) throw cause;
      throw networkError(cause);
    }
    if (answer.response.ok) return answer.data as Blob;
    const error = apiError(answer.response, answer.error);
    if (error.status !== 429 || attempt >= 3) throw error;
    await new Promise((resolve) => setTimeout(resolve, (error.retryAfter ?? 1) * 1000));
    if (signal.aborted) throw new DOMException("aborted", "AbortError");
  }
}

export function usePreview(request: PreviewRequest | null): PreviewState {
  const [state, setState] = useState<PreviewState>({ url: null, loading: false, error: null, ms: null });
  const inFlight = useRef<AbortController | null>(null);
  const key = request ? JSON.stringify(request) : null;
  useEffect(() => {
    if (!request) return;
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      const started = performance.now();
      fetchFrame(request, controller.signal).then(
        (blob) => {
          if (controller.signal.aborted) return;
          const url = URL.createObjectURL(blob);
          setState((s) => {
            if (s.url) URL.revokeObjectURL(s.url);
            return { url, loading: false, error: null, ms: Math.round(performance.now() - started) };
          });
        },
        (error: unknown) => {
          if (controller.signal.aborted || isAbort(error)) return;
          setState((s) => ({ ...s, loading: false, error: error instanceof ApiError ? error : networkError(error) }));
        },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  useEffect(() => () => inFlight.current?.abort(), []);
  return state;
}
