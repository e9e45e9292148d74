// Server-Sent Events with the bearer key. EventSource cannot send an Authorization header, and
// GALA may require one (API_AUTH), so the stream is read with fetch + ReadableStream through
// @microsoft/fetch-event-source. `Last-Event-ID` resumes after a dropped connection.
import { fetchEventSource } from "@microsoft/fetch-event-source";
import { apiBase } from "./client";
import { authHeaders } from "./key";
import { ApiError, apiError } from "./problem";

export interface StreamEvent<T> {
  id: string;
  event: string;
  data: T;
}

export interface FollowOptions<T> {
  onEvent: (event: StreamEvent<T>) => void;
  /** Events after which the server ends the stream (no reconnect then). */
  final: readonly string[];
  signal: AbortSignal;
}

class Final extends Error {}

/** Follow `path` (e.g. `/jobs/{id}/events`) until a final event, an abort, or a refusal. */
export async function follow<T>(path: string, { onEvent, final, signal }: FollowOptions<T>): Promise<void> {
  let ended = false;
  try {
    await fetchEventSource(`${apiBase}${path}`, {
      headers: { ...authHeaders(), Accept: "text/event-stream" },
      signal,
      openWhenHidden: true, // keep following in a background tab: progress must not stall
      async onopen(response) {
        if (response.ok) return;
        const text = await response.text();
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          /* not JSON */
        }
        throw apiError(response, body); // refusals (401, 404) are final
      },
      onmessage(message) {
        if (!message.event && !message.data) return; // keep-alive comment
        onEvent({ id: message.id, event: message.event || "message", data: JSON.parse(message.data) as T });
        if (final.includes(message.event)) {
          ended = true;
          throw new Final();
        }
      },
      onclose() {
        if (!ended) throw new Error("stream closed early"); // handed to onerror: reconnect
      },
      onerror(error) {
        if (error instanceof Final || error instanceof ApiError) throw error; // stop
        return 1000; // reconnect after a second, with Last-Event-ID
      },
    });
  } catch (error) {
    if (!(error instanceof Final)) throw error;
  }
}
