// A new batch: a template, a CSV read in the browser (its header and first row shown), each
// column mapped to a parameter, then the CSV rewritten with those names and uploaded to
// POST /batch-uploads with a progress bar. The server types the cells by the parameters' types.
import { useMemo, useState, type FormEvent } from "react";
import { api, call } from "../../api/client";
import type { components } from "../../api/schema";
import { upload, type Progress } from "../../api/transfer";
import { ErrorView } from "../../components/ErrorView";
import { FileDrop } from "../../components/FileDrop";
import { ProgressBar, Spinner } from "../../components/Spinner";
import { useAsync } from "../../components/useAsync";
import { format, useStrings } from "../../i18n/i18n";
import { shared } from "../../i18n/shared";
import { duplicateTargets, guessMapping, parseCsv, remap, writeCsv, type Mapping, type Table } from "./csv";
import strings from "./strings";

type Template = components["schemas"]["Template"];
type Batch = components["schemas"]["Batch"];

interface ParamSchema {
  properties?: Record<string, { type?: string; default?: unknown }>;
  required?: string[];
}

function parametersOf(template: Template | undefined): { names: string[]; required: string[] } {
  const schema = (template?.parameters ?? {}) as ParamSchema;
  const names = Object.keys(schema.properties ?? {});
  const required = (schema.required ?? []).filter((name) => schema.properties?.[name]?.default === undefined);
  return { names, required };
}

export function NewBatch({ onCreated }: { onCreated: (batch: Batch) => void }) {
  const s = useStrings(strings);
  const common = useStrings(shared);
  const templates = useAsync(
    (signal) => call(api.GET("/templates", { params: { query: { limit: 100 } }, signal })).then((p) => p.items),
    [],
  );
  const [templateId, setTemplateId] = useState("");
  const [file, setFile] = useState<{ name: string; table: Table } | null>(null);
  const [mapping, setMapping] = useState<Mapping>([]);
  const [basename, setBasename] = useState<number | null>(null);
  const [concurrency, setConcurrency] = useState(4);
  const [draft, setDraft] = useState(false);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const template = templates.value?.find((t) => t.id === templateId);
  const params = useMemo(() => parametersOf(template), [template]);

  const choose = async (files: File[]) => {
    const chosen = files[0];
    if (!chosen) return;
    setError(null);
    const table = parseCsv(await chosen.text());
    setFile({ name: chosen.name, table });
    setMapping(guessMapping(table.header, params.names));
    setBasename(null);
  };
  const pickTemplate = (id: string) => {
    setTemplateId(id);
    const next = parametersOf(templates.value?.find((t) => t.id === id));
    if (file) setMapping(guessMapping(file.table.header, next.names));
  };

  const duplicates = duplicateTargets(mapping);
  const missing = params.required.filter((name) => !mapping.includes(name));
  const usable = file && file.table.header.length > 0 && file.table.rows.length > 0;
  const ready = Boolean(template && usable && duplicates.length === 0 && missing.length === 0 && !busy);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    if (!file || !template) return;
    setBusy(true);
    setError(null);
    setProgress(null);
    const { table, basenameColumn } = remap(file.table, mapping, basename);
    const csv = new File([writeCsv(table)], file.name.replace(/\.[^.]*$/, "") + ".csv", { type: "text/csv" });
    try {
      const batch = await upload(
        "/batch-uploads",
        {
          file: csv,
          format: "csv",
          template_id: template.id,
          concurrency: String(concurrency),
          skip_invalid: String(skipInvalid),
          options: JSON.stringify({ draft }),
          ...(basenameColumn ? { basename_column: basenameColumn } : {}),
        },
        { onProgress: setProgress },
      );
      onCreated(batch);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const sample = file?.table.rows[0] ?? [];
  return (
    <section className="card" aria-labelledby="new-batch-heading">
      <h2 id="new-batch-heading">{s.newBatch}</h2>
      <form onSubmit={start} className="new-batch">
        <label className="field" htmlFor="batch-template">
          <span>{s.template}</span>
          <select id="batch-template" value={templateId} onChange={(e) => pickTemplate(e.target.value)} required>
            <option value="">{s.chooseTemplate}</option>
            {templates.value?.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        {templates.loading ? <Spinner label={common.loading} inline /> : null}
        {templates.error ? <ErrorView error={templates.error} onRetry={templates.reload} /> : null}
        {template && params.names.length === 0 ? <p className="help">{s.noParams}</p> : null}

        <FileDrop label={s.chooseCsv} hint={s.dropCsv} onFiles={(f) => void choose(f)} accept=".csv,text/csv" />
        {file ? (
          <p data-testid="csv-info">
            {format(s.fileInfo, { name: file.name, rows: file.table.rows.length, columns: file.table.header.length })}
          </p>
        ) : null}
        {file && !usable ? <p className="fail">{s.emptyCsv}</p> : null}

        {file && usable ? (
          <fieldset className="mapping">
            <legend>{s.mapping}</legend>
            <p className="help">{s.mappingHelp}</p>
            <div className="table-scroll" tabIndex={0} role="region" aria-label={s.mapping}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{s.column}</th>
                    <th scope="col">{s.sample}</th>
                    <th scope="col">{s.parameter}</th>
                  </tr>
                </thead>
                <tbody>
                  {file.table.header.map((column, i) => (
                    <tr key={`${column}-${i}`}>
                      <th scope="row">
                        <code>{column || `#${i + 1}`}</code>
                      </th>
                      <td className="sample">{sample[i] ?? ""}</td>
                      <td>
                        <select
                          aria-label={`${s.parameter}: ${column}`}
                          value={mapping[i] ?? ""}
                          onChange={(e) => setMapping((m) => m.map((v, j) => (j === i ? e.target.value || null : v)))}
                        >
                          <option value="">{s.ignore}</option>
                          {params.names.map((name) => (
                            <option key={name} value={name}>
                              {name}
                              {params.required.includes(name) ? " *" : ""}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {duplicates.length ? <p className="fail">{format(s.duplicate, { names: duplicates.join(", ") })}</p> : null}
            {template && missing.length ? <p className="fail">{format(s.missing, { names: missing.join(", ") })}</p> : null}
          </fieldset>
        ) : null}

        <div className="row batch-options">
          <label className="field" htmlFor="batch-basename">
            <span>{s.basename}</span>
            <select id="batch-basename" value={basename ?? ""} onChange={(e) => setBasename(e.target.value === "" ? null : Number(e.target.value))} disabled={!usable}>
              <option value="">{s.basenameNone}</option>
              {file?.table.header.map((column, i) => (
                <option key={`${column}-${i}`} value={i}>
                  {column}
                </option>
              ))}
            </select>
          </label>
          <label className="field" htmlFor="batch-concurrency">
            <span>{s.concurrency}</span>
            <input id="batch-concurrency" type="number" min={1} max={32} value={concurrency} onChange={(e) => setConcurrency(Math.max(1, Math.min(32, Number(e.target.value) || 1)))} />
          </label>
          <label className="check">
            <input type="checkbox" checked={draft} onChange={(e) => setDraft(e.target.checked)} />
            {s.draft}
          </label>
          <label className="check">
            <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />
            {s.skipInvalid}
          </label>
        </div>
        <div className="row">
          <button type="submit" disabled={!ready}>
            {s.start}
          </button>
        </div>
        {busy ? <ProgressBar label={s.uploading} value={progress?.total ? progress.loaded / progress.total : null} /> : null}
      </form>
      {error ? <ErrorView error={error} /> : null}
    </section>
  );
}
