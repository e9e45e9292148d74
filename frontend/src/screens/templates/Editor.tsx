// The template editor: live preview of the frame at the cursor, the timeline, the parameters
// form, the composition as validated JSON, save (a new version), version history and render.
import { useEffect, useMemo, useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { api, call } from "../../api/client";
import { ApiError } from "../../api/problem";
import type { components } from "../../api/schema";
import { ErrorView, FieldErrors } from "../../components/ErrorView";
import { Spinner } from "../../components/Spinner";
import { useAsync } from "../../components/useAsync";
import { format, useStrings } from "../../i18n/i18n";
import { shared } from "../../i18n/shared";
import { check, CompositionEditor } from "./CompositionEditor";
import { needsAssets, ParamsForm, type Params } from "./ParamsForm";
import strings from "./strings";
import { timeline as timelineOf, withDefaults } from "./timeline";
import { TimelineView } from "./TimelineView";
import { usePreview } from "./usePreview";
import { paramErrors } from "./validate";

type Template = components["schemas"]["Template"];
type Asset = components["schemas"]["Asset"];

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

function posterTime(composition: unknown): number {
  const at = (composition as { output?: { poster?: { at?: unknown } } })?.output?.poster?.at;
  return typeof at === "number" ? at : 1;
}

function EditorLoaded({ initial }: { initial: Template }) {
  const s = useStrings(strings);
  const common = useStrings(shared);
  const navigate = useNavigate();
  const [template, setTemplate] = useState(initial); // the version shown
  const [latest, setLatest] = useState(initial.latest_version ?? initial.version);
  const [text, setText] = useState(pretty(initial.composition));
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description);
  const [values, setValues] = useState<Params>(() => withDefaults(initial.parameters, {}));
  const [cursor, setCursor] = useState(() => posterTime(initial.composition));
  const [busy, setBusy] = useState<"save" | "render" | "version" | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [message, setMessage] = useState("");
  const [draft, setDraft] = useState(false);

  const checked = useMemo(() => check(text), [text]);
  const schema = template.parameters as Record<string, unknown>;
  const localParamErrors = useMemo(() => paramErrors(schema, values), [schema, values]);
  const timeline = useMemo(
    () => timelineOf(checked.value ?? template.composition, withDefaults(schema, values)),
    [checked.value, template.composition, schema, values],
  );
  const assets = useAsync<Asset[] | undefined>(
    async (signal) =>
      needsAssets(schema) ? (await call(api.GET("/assets", { params: { query: { limit: 100 } }, signal }))).items : undefined,
    [schema],
  );
  const dirty = text !== pretty(template.composition) || name !== template.name || description !== template.description;
  const version = template.version === latest ? null : template.version;
  const preview = usePreview(
    localParamErrors.length === 0 ? { templateId: template.id, version, t: Math.min(cursor, timeline.duration), params: values } : null,
  );
  const serverErrors = actionError instanceof ApiError ? actionError.fields : [];
  const previewErrors = preview.error instanceof ApiError ? preview.error.fields : [];
  const paramFieldErrors = [...localParamErrors, ...serverErrors, ...previewErrors].filter((e) => e.field.startsWith("/params/"));

  useEffect(() => {
    if (cursor > timeline.duration) setCursor(timeline.duration);
  }, [cursor, timeline.duration]);

  const run = async (what: "save" | "render" | "version", action: () => Promise<void>) => {
    setBusy(what);
    setActionError(null);
    setMessage("");
    try {
      await action();
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(null);
    }
  };

  const save = () =>
    run("save", async () => {
      const saved = await call(
        api.PATCH("/templates/{template_id}", {
          params: { path: { template_id: template.id } },
          body: { name, description, composition: checked.value as components["schemas"]["Composition"] },
        }),
      );
      setTemplate(saved);
      setLatest(saved.version);
      setText(pretty(saved.composition));
      setMessage(format(s.saved, { n: saved.version }));
    });

  const render = () =>
    run("render", async () => {
      const job = await call(
        api.POST("/jobs", { body: { template_id: template.id, template_version: template.version, params: values, options: { draft } } }),
      );
      navigate(`/jobs/${job.id}`);
    });

  const showVersion = (n: number) =>
    run("version", async () => {
      const view = await call(api.GET("/templates/{template_id}", { params: { path: { template_id: template.id }, query: { version: n } } }));
      setTemplate(view);
      setText(pretty(view.composition));
      setName(view.name);
      setDescription(view.description);
    });

  return (
    <div className="editor">
      <div className="editor-head">
        <a href="/studio/templates" onClick={(e) => (e.preventDefault(), navigate("/templates"))}>
          {s.back}
        </a>
        <h1 id="screen-title">
          {template.name} <small>{format(s.version, { n: template.version })}</small>
        </h1>
      </div>
      <div className="editor-grid">
        <div className="editor-main">
          <section className="card preview" aria-labelledby="preview-heading" aria-busy={preview.loading}>
            <h2 id="preview-heading">
              {s.preview} · {format(s.previewAt, { t: Math.min(cursor, timeline.duration).toFixed(1) })}
              {preview.ms !== null ? <small data-testid="preview-ms"> · {format(s.previewTook, { ms: preview.ms })}</small> : null}
            </h2>
            <div className="preview-frame">
              {preview.url ? (
                <img
                  data-testid="preview"
                  src={preview.url}
                  alt={format(s.previewAlt, { t: cursor.toFixed(1), name: template.name })}
                />
              ) : null}
              {preview.loading ? (
                <div className="preview-busy">
                  <Spinner label={s.previewing} />
                </div>
              ) : null}
            </div>
            {preview.error ? <ErrorView error={preview.error} /> : null}
          </section>
          <TimelineView timeline={timeline} cursor={cursor} onCursor={setCursor} />
          <section className="card" aria-labelledby="params-heading">
            <h2 id="params-heading">{s.parameters}</h2>
            {assets.error ? <ErrorView error={assets.error} onRetry={assets.reload} /> : null}
            <ParamsForm schema={schema} values={values} onChange={setValues} errors={paramFieldErrors} assets={assets.value ?? (needsAssets(schema) ? undefined : [])} />
          </section>
        </div>
        <div className="editor-side">
          <section className="card" aria-labelledby="actions-heading">
            <h2 id="actions-heading" className="visually-hidden">
              {s.render}
            </h2>
            <div className="row">
              <button type="button" onClick={render} disabled={busy !== null || localParamErrors.length > 0}>
                {s.render}
              </button>
              <label className="check">
                <input type="checkbox" checked={draft} onChange={(e) => setDraft(e.target.checked)} /> {s.draft}
              </label>
            </div>
            {dirty ? <p className="help">{s.unsaved}</p> : null}
            {busy === "render" ? <Spinner label={s.rendering} /> : null}
          </section>
          <section className="card" aria-labelledby="history-heading">
            <h2 id="history-heading">{s.history}</h2>
            <label className="field">
              <span>{s.showVersion}</span>
              <select value={template.version} onChange={(e) => showVersion(Number(e.target.value))} disabled={busy !== null}>
                {Array.from({ length: latest }, (_, i) => latest - i).map((n) => (
                  <option key={n} value={n}>
                    {n === latest ? format(s.latest, { n }) : n}
                  </option>
                ))}
              </select>
            </label>
            {busy === "version" ? <Spinner label={common.loading} /> : null}
            {template.version !== latest ? <p className="help">{format(s.viewing, { n: template.version })}</p> : null}
          </section>
          <section className="card" aria-labelledby="meta-heading">
            <h2 id="meta-heading" className="visually-hidden">
              {s.name}
            </h2>
            <label className="field">
              <span>{s.name}</span>
              <input type="text" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
            </label>
            <FieldErrors errors={serverErrors.filter((e) => e.field === "/name")} />
            <label className="field">
              <span>{s.description}</span>
              <textarea rows={2} value={description ?? ""} onChange={(e) => setDescription(e.target.value)} />
            </label>
            <div className="row">
              <button type="button" onClick={save} disabled={busy !== null || !dirty || checked.value === undefined || checked.errors.length > 0}>
                {s.save}
              </button>
              {busy === "save" ? <Spinner label={s.saving} inline /> : null}
            </div>
            <p role="status">{message}</p>
            {actionError ? <ErrorView error={actionError} /> : null}
          </section>
          <CompositionEditor text={text} onText={setText} checked={checked} serverErrors={serverErrors} />
        </div>
      </div>
    </div>
  );
}

export function Editor() {
  const s = useStrings(strings);
  const { id = "" } = useParams();
  const state = useAsync((signal) => call(api.GET("/templates/{template_id}", { params: { path: { template_id: id } }, signal })), [id]);
  if (state.error) return <ErrorView error={state.error} onRetry={state.reload} />;
  if (!state.value) return <Spinner label={s.loadingTemplate} />;
  return <EditorLoaded key={state.value.id} initial={state.value} />;
}
