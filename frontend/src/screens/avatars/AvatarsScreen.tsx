// Avatars: the models (the built-in presenter first), one model's voice and its preview playing,
// and a form for a new model. /avatars/<id> selects a model.
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { api, call } from "../../api/client";
import { ApiError } from "../../api/problem";
import type { components } from "../../api/schema";
import { ErrorView } from "../../components/ErrorView";
import { Spinner } from "../../components/Spinner";
import { useAsync } from "../../components/useAsync";
import { format, useStrings } from "../../i18n/i18n";
import { shared } from "../../i18n/shared";
import { AnchorsCard } from "./AnchorsCard";
import { NewModel } from "./NewModel";
import { PreviewPanel } from "./PreviewPanel";
import strings from "./strings";
import { draftOf, VoiceFields, voiceBody, type VoiceDraft } from "./VoiceFields";
import "./avatars.css";

type Model = components["schemas"]["Model"];
type Voice = components["schemas"]["Voice"];

/** A voice to send: openapi-typescript types fields with a default as required, but the API fills
 * them in (services/models.py VOICE_DEFAULTS), so the fields left blank are left out. */
const asVoice = (draft: VoiceDraft) => voiceBody(draft) as Voice;

const BUILTIN = "builtin";

async function listModels(signal: AbortSignal): Promise<Model[]> {
  const page = await call(api.GET("/models", { params: { query: { limit: 100 } }, signal }));
  return [...page.items].sort((a, b) => Number(b.kind === BUILTIN) - Number(a.kind === BUILTIN) || a.name.localeCompare(b.name));
}

function ModelVoice({ model, onSaved }: { model: Model; onSaved: (m: Model) => void }) {
  const s = useStrings(strings);
  const [voice, setVoice] = useState<VoiceDraft>(() => draftOf(model.voice));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState("");
  const readOnly = model.kind === BUILTIN;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setMessage("");
    try {
      const saved = await call(
        api.PATCH("/models/{model_id}", { params: { path: { model_id: model.id } }, body: { voice: asVoice(voice) } }),
      );
      onSaved(saved);
      setMessage(s.saved);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="voice-heading">
      <h2 id="voice-heading">{s.voice}</h2>
      {readOnly ? <p className="help">{s.readOnly}</p> : null}
      <form onSubmit={save}>
        <VoiceFields
          id="model-voice"
          value={voice}
          onChange={setVoice}
          schema={["Voice"]}
          pitchHelp={s.pitchModelHelp}
          error={error instanceof ApiError ? error : null}
          disabled={readOnly}
        />
        {readOnly ? null : (
          <div className="row">
            <button type="submit" disabled={busy}>
              {s.saveVoice}
            </button>
            {busy ? <Spinner label={s.saving} inline /> : null}
          </div>
        )}
      </form>
      {error ? <ErrorView error={error} /> : null}
      <p role="status">{message}</p>
    </section>
  );
}

export default function AvatarsScreen() {
  const s = useStrings(strings);
  const common = useStrings(shared);
  const navigate = useNavigate();
  const selectedId = useParams()["*"] || null;
  const models = useAsync(listModels, []);
  const [message, setMessage] = useState("");
  const list = models.value ?? [];
  const selected = list.find((m) => m.id === selectedId) ?? (selectedId ? null : (list.find((m) => m.kind === BUILTIN) ?? list[0] ?? null));
  const label = (m: Model) => (m.kind === BUILTIN ? s.builtin : m.name);
  return (
    <section aria-labelledby="screen-title" className="avatars-screen">
      <h1 id="screen-title">{s.title}</h1>
      <p className="help">{s.intro}</p>
      <p role="status" className="visually-hidden">
        {message}
      </p>
      <div className="avatars-layout">
        <nav aria-labelledby="models-heading" className="card model-list">
          <h2 id="models-heading">{s.models}</h2>
          {models.loading ? <Spinner label={common.loading} /> : null}
          {models.error ? <ErrorView error={models.error} onRetry={models.reload} /> : null}
          <ul>
            {list.map((m) => (
              <li key={m.id}>
                <Link to={`/avatars/${m.id}`} aria-current={selected?.id === m.id ? "page" : undefined}>
                  <span className="model-name">{label(m)}</span>
                  <span className="model-kind">{(s.kinds as Record<string, string>)[m.kind] ?? m.kind}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="model-detail">
          {selected ? (
            <>
              <h2 className="model-title" data-testid="model-title">
                {label(selected)}
              </h2>
              {selected.description ? <p>{selected.description}</p> : null}
              <PreviewPanel key={`preview-${selected.id}`} model={selected} />
              {selected.kind === "puppet" || selected.kind === "photo" ? (
                <AnchorsCard key={`anchors-${selected.id}-${selected.updated_at}`} model={selected} onSaved={models.reload} />
              ) : null}
              <ModelVoice key={`voice-${selected.id}-${selected.updated_at}`} model={selected} onSaved={models.reload} />
            </>
          ) : models.loading ? null : (
            <p>{s.choose}</p>
          )}
          <NewModel
            onCreated={(model) => {
              setMessage(format(s.created, { name: model.name }));
              models.reload();
              navigate(`/avatars/${model.id}`);
            }}
          />
        </div>
      </div>
    </section>
  );
}
