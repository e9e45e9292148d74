// The model saying a sentence: POST /models/{id}/preview answers a strip of frames (JPEG), played
// by the Flipbook. A stale request is aborted when a new one starts; the wait shows a spinner.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { api, call } from "../../api/client";
import { ApiError, isAbort } from "../../api/problem";
import type { components } from "../../api/schema";
import { ErrorView, FieldErrors } from "../../components/ErrorView";
import { Spinner } from "../../components/Spinner";
import { format, useStrings } from "../../i18n/i18n";
import { Flipbook } from "./Flipbook";
import strings from "./strings";
import { EMPTY_VOICE, VoiceFields, voiceBody, type VoiceDraft } from "./VoiceFields";

type Model = components["schemas"]["Model"];
type PreviewBody = components["schemas"]["ModelPreview"];

export function PreviewPanel({ model }: { model: Model }) {
  const s = useStrings(strings);
  const [text, setText] = useState(s.sentenceDefault);
  const [frames, setFrames] = useState(8);
  const [voice, setVoice] = useState<VoiceDraft>(EMPTY_VOICE);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [strip, setStrip] = useState<{ url: string; frames: number; text: string } | null>(null);
  const pending = useRef<AbortController | null>(null);

  useEffect(() => () => pending.current?.abort(), []);
  useEffect(() => {
    return () => {
      if (strip) URL.revokeObjectURL(strip.url);
    };
  }, [strip]);

  const speak = async (event: FormEvent) => {
    event.preventDefault();
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    setBusy(true);
    setError(null);
    const overrides = voiceBody(voice);
    const body: PreviewBody = { text: text.trim() || s.sentenceDefault, frames, height: 240 };
    if (Object.keys(overrides).length > 0) body.voice = overrides;
    try {
      const blob = await call(
        api.POST("/models/{model_id}/preview", {
          params: { path: { model_id: model.id } },
          body,
          parseAs: "blob",
          signal: controller.signal,
        }),
      );
      if (controller.signal.aborted) return;
      setStrip({ url: URL.createObjectURL(blob as Blob), frames, text: body.text! });
    } catch (caught) {
      if (!isAbort(caught)) setError(caught);
    } finally {
      if (pending.current === controller) setBusy(false);
    }
  };

  const apiError = error instanceof ApiError ? error : null;
  const textErrors = apiError ? apiError.at("/text") : [];
  return (
    <section className="card" aria-labelledby="preview-heading" data-testid="model-preview">
      <h2 id="preview-heading">{s.preview}</h2>
      <form onSubmit={speak} className="preview-form">
        <label className="field grow" htmlFor="preview-text">
          <span>{s.sentence}</span>
          <input
            id="preview-text"
            value={text}
            maxLength={300}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={textErrors.length > 0 || undefined}
            aria-describedby={textErrors.length ? "preview-text-errors" : undefined}
          />
          <FieldErrors errors={textErrors} id="preview-text-errors" />
        </label>
        <label className="field" htmlFor="preview-frames">
          <span>{s.frames}</span>
          <input id="preview-frames" type="number" min={1} max={12} value={frames} onChange={(e) => setFrames(Math.max(1, Math.min(12, Number(e.target.value) || 1)))} />
        </label>
        <details className="try-voice">
          <summary>{s.tryVoice}</summary>
          <VoiceFields id="preview-voice" value={voice} onChange={setVoice} schema={["ModelPreview", "voice"]} pitchHelp={s.pitchPreviewHelp} error={apiError} />
        </details>
        <div className="row">
          <button type="submit" disabled={busy}>
            {s.speak}
          </button>
          {busy ? <Spinner label={s.rendering} inline /> : null}
        </div>
      </form>
      {error ? <ErrorView error={error} /> : null}
      {strip ? <Flipbook src={strip.url} frames={strip.frames} alt={format(s.stripAlt, { name: model.name, text: strip.text })} /> : null}
    </section>
  );
}
