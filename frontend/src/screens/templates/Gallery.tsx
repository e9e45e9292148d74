// The gallery: your templates (posters: the example's, or a small preview frame, fetched one at
// a time) and the examples to start from, each with its poster.
import { useEffect, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { api, call } from "../../api/client";
import type { components } from "../../api/schema";
import { ErrorView } from "../../components/ErrorView";
import { Spinner } from "../../components/Spinner";
import { useAsync } from "../../components/useAsync";
import { format, useStrings } from "../../i18n/i18n";
import { assetKinds, EXAMPLE_LABEL, examples, posterFor, type Example } from "./examples";
import strings from "./strings";

type Template = components["schemas"]["Template"];

// Posters of templates not made from an example are preview frames, asked for one after another
// (the API renders two previews at once per process; the editor must not wait behind a gallery).
let posterQueue: Promise<unknown> = Promise.resolve();

function usePoster(template: Template): string | null | undefined {
  // The example's poster while the template is as the example made it; after edits, its own frame.
  const known = (template.latest_version ?? template.version) === 1 ? posterFor(template.labels) : undefined;
  const [url, setUrl] = useState<string | null | undefined>(known);
  useEffect(() => {
    if (known) return;
    let alive = true;
    let made: string | null = null;
    const at = (template.composition as { output?: { poster?: { at?: unknown } } }).output?.poster?.at;
    posterQueue = posterQueue.then(async () => {
      if (!alive) return;
      const { data, response } = await api
        .POST("/templates/{template_id}/preview", {
          params: { path: { template_id: template.id } },
          body: { t: typeof at === "number" ? at : 1, width: 320 },
          parseAs: "blob",
        })
        .catch(() => ({ data: undefined, response: null }));
      if (!alive) return;
      made = response?.ok && data ? URL.createObjectURL(data as Blob) : null;
      setUrl(made);
    });
    return () => {
      alive = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [known, template.id, template.composition]);
  return url;
}

function TemplateCard({ template }: { template: Template }) {
  const s = useStrings(strings);
  const poster = usePoster(template);
  return (
    <li className="tile">
      <Link to={`/templates/${template.id}`}>
        <div className="poster">
          {poster ? <img src={poster} alt="" /> : poster === null ? <span>{s.noPoster}</span> : <Spinner label={s.noPoster} inline />}
        </div>
        <strong>{template.name}</strong>
        <span className="help">{format(s.version, { n: template.latest_version ?? template.version })}</span>
      </Link>
    </li>
  );
}

function ExampleCard({ example, onUse, busy }: { example: Example; onUse: () => void; busy: boolean }) {
  const s = useStrings(strings);
  const [kinds, setKinds] = useState<string[]>([]);
  const [description, setDescription] = useState("");
  useEffect(() => {
    example.load().then((t) => {
      setKinds(assetKinds(t.parameters));
      setDescription(t.description ?? "");
    });
  }, [example]);
  return (
    <li className="tile">
      <div className="poster">{example.poster ? <img src={example.poster} alt={format(s.posterOf, { name: example.name })} /> : null}</div>
      <strong>{example.name}</strong>
      <span className="help">{description}</span>
      {kinds.length ? <span className="help">{format(s.needsAssets, { kinds: kinds.join(", ") })}</span> : null}
      <button type="button" onClick={onUse} disabled={busy}>
        {format(s.useExample, { name: example.name })}
      </button>
    </li>
  );
}

export function Gallery() {
  const s = useStrings(strings);
  const navigate = useNavigate();
  const list = useAsync((signal) => call(api.GET("/templates", { params: { query: { limit: 100 } }, signal })), []);
  const [creating, setCreating] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const use = async (example: Example) => {
    setCreating(example.name);
    setError(null);
    try {
      const template = await example.load();
      const created = await call(
        api.POST("/templates", { body: { ...template, labels: { ...(template.labels ?? {}), [EXAMPLE_LABEL]: example.name } } }),
      );
      navigate(`/templates/${created.id}`);
    } catch (e) {
      setError(e);
      setCreating(null);
    }
  };

  return (
    <section aria-labelledby="screen-title">
      <h1 id="screen-title">{s.title}</h1>
      <section aria-labelledby="yours-heading" aria-busy={list.loading}>
        <h2 id="yours-heading">{s.yours}</h2>
        {list.loading ? <Spinner label={s.loadingTemplate} /> : null}
        {list.error ? <ErrorView error={list.error} onRetry={list.reload} /> : null}
        {list.value && list.value.items.length === 0 ? <p>{s.none}</p> : null}
        <ul className="tiles">
          {list.value?.items.map((t) => <TemplateCard key={t.id} template={t} />)}
        </ul>
      </section>
      <section aria-labelledby="examples-heading">
        <h2 id="examples-heading">{s.examples}</h2>
        {creating ? <Spinner label={s.creating} /> : null}
        {error ? <ErrorView error={error} /> : null}
        <ul className="tiles">
          {examples.map((example) => (
            <ExampleCard key={example.name} example={example} busy={creating !== null} onUse={() => use(example)} />
          ))}
        </ul>
      </section>
    </section>
  );
}
