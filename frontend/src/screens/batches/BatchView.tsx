// One batch: its status, progress and ETA, its rows with their statuses (live over
// /batches/{id}/events), retry of the failed rows, cancel, and the ZIP of the done rows.
import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { api, call } from "../../api/client";
import { isAbort } from "../../api/problem";
import type { components } from "../../api/schema";
import { follow } from "../../api/sse";
import { download, pathOf, saveBlob, type Progress } from "../../api/transfer";
import { ErrorView } from "../../components/ErrorView";
import { ProgressBar, Spinner } from "../../components/Spinner";
import { format, useStrings } from "../../i18n/i18n";
import { shared } from "../../i18n/shared";
import { formatBytes } from "../assets/media";
import strings from "./strings";

type Batch = components["schemas"]["Batch"];
type Job = components["schemas"]["Job"];
type JobStatus = components["schemas"]["JobStatus"];

/** What /batches/{id}/events sends (services/live.py): a row's event, or the batch's own. */
export interface BatchEvent {
  kind: string;
  job_id: string;
  batch_id: string | null;
  status: JobStatus | Batch["status"] | null;
  stage: string | null;
  progress: number | null;
  batch?: Pick<Batch, "progress" | "eta_seconds" | "counts">;
}

const FINAL = ["batch.done", "batch.failed", "batch.canceled"] as const;
const ROWS_SHOWN = 500;

/** A row's event applied to the rows (by job id); events of the batch itself change no row. */
export function applyEvent(rows: Job[], event: BatchEvent): Job[] {
  if (event.kind.startsWith("batch.")) return rows;
  return rows.map((job) =>
    job.id === event.job_id
      ? {
          ...job,
          status: (event.status as JobStatus | null) ?? job.status,
          stage: event.stage ?? job.stage,
          progress: event.progress ?? job.progress,
        }
      : job,
  );
}

async function allRows(batchId: string, signal?: AbortSignal): Promise<Job[]> {
  const rows: Job[] = [];
  let cursor: string | undefined;
  do {
    const page = await call(
      api.GET("/batches/{batch_id}/jobs", { params: { path: { batch_id: batchId }, query: { limit: 100, ...(cursor ? { cursor } : {}) } }, signal }),
    );
    rows.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor && rows.length < ROWS_SHOWN);
  return rows.sort((a, b) => (a.batch_row ?? 0) - (b.batch_row ?? 0));
}

export function BatchView({ batchId, skipped }: { batchId: string; skipped?: Batch["skipped"] }) {
  const s = useStrings(strings);
  const common = useStrings(shared);
  const [batch, setBatch] = useState<Batch | null>(null);
  const [rows, setRows] = useState<Job[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0); // a retry starts a new stream and reloads the rows
  const [acting, setActing] = useState<"retry" | "cancel" | null>(null);
  const [got, setGot] = useState<Progress | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [message, setMessage] = useState("");

  const reload = useCallback(async (signal?: AbortSignal) => {
    const [b, r] = await Promise.all([
      call(api.GET("/batches/{batch_id}", { params: { path: { batch_id: batchId } }, signal })),
      allRows(batchId, signal),
    ]);
    setBatch(b);
    setRows(r);
    return b;
  }, [batchId]);

  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    void (async () => {
      try {
        const first = await reload(controller.signal);
        if (first.status !== "running") return;
        await follow<BatchEvent>(pathOf("/batches/{batch_id}/events", { batch_id: batchId }), {
          final: FINAL,
          signal: controller.signal,
          onEvent: ({ data }) => {
            setRows((old) => applyEvent(old, data));
            if (data.batch) setBatch((b) => (b ? { ...b, ...data.batch } : b));
            if (data.kind === "batch.retried" || data.kind === "batch.created") void reload(controller.signal).catch(() => {});
          },
        });
        if (!controller.signal.aborted) await reload(controller.signal);
      } catch (caught) {
        if (!isAbort(caught) && !controller.signal.aborted) setError(caught);
      }
    })();
    return () => controller.abort();
  }, [batchId, generation, reload]);

  const act = async (what: "retry" | "cancel") => {
    setActing(what);
    setError(null);
    try {
      const path = { params: { path: { batch_id: batchId } } };
      const b = await call(what === "retry" ? api.POST("/batches/{batch_id}/retry", path) : api.POST("/batches/{batch_id}/cancel", path));
      setBatch(b);
      setGeneration((g) => g + 1);
    } catch (caught) {
      setError(caught);
    } finally {
      setActing(null);
    }
  };

  const fetchArchive = async () => {
    setDownloading(true);
    setGot({ loaded: 0, total: null });
    setError(null);
    try {
      const blob = await download(pathOf("/batches/{batch_id}/archive", { batch_id: batchId }), { onProgress: setGot });
      saveBlob(blob, `batch-${batchId.slice(0, 8)}.zip`);
      setMessage(format(s.downloaded, { size: formatBytes(blob.size) }));
    } catch (caught) {
      setError(caught);
    } finally {
      setDownloading(false);
    }
  };

  if (!batch) {
    return error ? <ErrorView error={error} onRetry={() => setGeneration((g) => g + 1)} /> : <Spinner label={common.loading} />;
  }
  const anyError = rows.some((job) => job.error);
  const left = batch.counts.queued + batch.counts.rendering + batch.counts.uploading;
  return (
    <section className="card batch-view" aria-labelledby="batch-heading" data-testid="batch" data-status={batch.status}>
      <Link to="/batches" className="back-link">
        ← {s.back}
      </Link>
      <h2 id="batch-heading">
        {format(s.batch, { id: batch.id.slice(0, 8) })} · <span className={`status status-${batch.status}`}>{s.statuses[batch.status]}</span>
      </h2>
      <ProgressBar
        label={s.progress}
        value={batch.progress / 100}
        detail={[
          format(s.counts, { done: batch.counts.done, failed: batch.counts.failed, left, rows: batch.rows }),
          batch.status === "running" && batch.eta_seconds != null ? format(s.eta, { s: Math.round(batch.eta_seconds) }) : "",
        ]
          .filter(Boolean)
          .join(" · ")}
      />
      <div className="row batch-actions">
        {batch.status === "failed" ? (
          <button type="button" onClick={() => void act("retry")} disabled={acting !== null}>
            {s.retry}
          </button>
        ) : null}
        {batch.status === "running" ? (
          <button type="button" className="secondary danger" onClick={() => void act("cancel")} disabled={acting !== null}>
            {s.cancel}
          </button>
        ) : null}
        <button type="button" className="secondary" onClick={() => void fetchArchive()} disabled={downloading || batch.counts.done === 0}>
          {s.archive}
        </button>
        {acting ? <Spinner label={acting === "retry" ? s.retrying : common.working} inline /> : null}
      </div>
      {downloading ? <ProgressBar label={s.downloading} value={got?.total ? got.loaded / got.total : null} detail={format(s.received, { size: formatBytes(got?.loaded ?? 0) })} /> : null}
      <p role="status">{message}</p>
      {skipped?.length ? <SkippedRows rows={skipped} /> : null}
      {error ? <ErrorView error={error} /> : null}
      <h3 id="rows-heading">{s.rows}</h3>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="rows-heading">
        <table aria-labelledby="rows-heading" data-testid="batch-rows">
          <thead>
            <tr>
              <th scope="col">{s.row}</th>
              <th scope="col">{s.name}</th>
              <th scope="col">{s.status}</th>
              <th scope="col">{s.progress}</th>
              {anyError ? <th scope="col">{s.error}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((job) => (
              <tr key={job.id} data-status={job.status}>
                <td>{(job.batch_row ?? 0) + 1}</td>
                <td>
                  <Link to={`/jobs/${job.id}`}>
                    <code>{job.options.basename ?? ""}</code>
                  </Link>
                </td>
                <td>
                  <span className={`status status-${job.status}`}>{s.jobStatuses[job.status]}</span>
                  {job.stage && job.status === "rendering" ? <span className="help"> · {job.stage}</span> : null}
                </td>
                <td>
                  <progress max={100} value={job.progress} aria-label={`${s.row} ${(job.batch_row ?? 0) + 1}`} /> {job.progress} %
                </td>
                {anyError ? <td className="row-error">{job.error ? job.error.message : ""}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The rows a create with `skip_invalid` left out, and why (only in the create's answer). */
export function SkippedRows({ rows }: { rows: NonNullable<Batch["skipped"]> }) {
  const s = useStrings(strings);
  return (
    <div className="error" role="alert">
      <strong>{s.skipped}</strong>
      <ul>
        {rows.map((row) => (
          <li key={row.row}>
            {s.row} {row.row + 1}: {row.errors.map((e) => `${e.pointer ? `${e.pointer} ` : ""}${e.detail}`).join("; ")}
          </li>
        ))}
      </ul>
    </div>
  );
}
