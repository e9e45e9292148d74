// One job: status, stage, progress and ETA live over SSE (/jobs/{id}/events), cancel while it
// runs, and when it is done the video to play and its files to download.
import { useEffect, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { api, apiBase, call, fetchObjectUrl } from "../../api/client";
import { getApiKey } from "../../api/key";
import { isAbort } from "../../api/problem";
import type { components } from "../../api/schema";
import { follow } from "../../api/sse";
import { ErrorView } from "../../components/ErrorView";
import { ProgressBar, Spinner } from "../../components/Spinner";
import { useAsync } from "../../components/useAsync";
import { format, useStrings } from "../../i18n/i18n";
import { FINAL } from "./JobList";
import strings from "./strings";

type Job = components["schemas"]["Job"];
type Asset = components["schemas"]["Asset"];

/** What an SSE event of /jobs/{id}/events carries (the fields the studio reads). */
interface JobEvent {
  kind: string;
  status: Job["status"];
  stage: string | null;
  progress: number;
  eta_seconds?: number | null;
}

const contentPath = (asset: Asset) => `/assets/${asset.id}/content`;

/** A URL the browser can load: straight from the API (streamed, seekable) unless a key must go
 * with it, which media elements cannot send; then the bytes are fetched with it. */
function useMediaUrl(asset: Asset | undefined): { url: string | null; error: unknown } {
  const [state, setState] = useState<{ url: string | null; error: unknown }>({ url: null, error: null });
  useEffect(() => {
    if (!asset) return;
    if (!getApiKey()) {
      setState({ url: `${apiBase}${contentPath(asset)}`, error: null });
      return;
    }
    const controller = new AbortController();
    let made: string | null = null;
    fetchObjectUrl(contentPath(asset), controller.signal).then(
      (url) => {
        made = url;
        setState({ url, error: null });
      },
      (error: unknown) => !isAbort(error) && setState({ url: null, error }),
    );
    return () => {
      controller.abort();
      if (made) URL.revokeObjectURL(made);
    };
  }, [asset]);
  return state;
}

function Result({ job }: { job: Job }) {
  const s = useStrings(strings);
  const outputs = useAsync(
    (signal) => call(api.GET("/assets", { params: { query: { job_id: job.id, limit: 20 } }, signal })),
    [job.id],
  );
  const items = outputs.value?.items ?? [];
  const video = items.find((a) => a.kind === "video") ?? items.find((a) => a.role === "video");
  const poster = items.find((a) => a.kind === "image");
  const media = useMediaUrl(video);
  const posterUrl = useMediaUrl(poster);
  return (
    <section className="card" aria-labelledby="result-heading">
      <h2 id="result-heading">{s.result}</h2>
      {outputs.loading ? <Spinner label={s.loadingVideo} /> : null}
      {outputs.error ? <ErrorView error={outputs.error} onRetry={outputs.reload} /> : null}
      {media.error ? <ErrorView error={media.error} /> : null}
      {video && media.url ? (
        <video
          data-testid="result-video"
          className="result"
          controls
          preload="metadata"
          src={media.url}
          poster={posterUrl.url ?? undefined}
          aria-label={format(s.video, { name: video.name })}
        />
      ) : video ? (
        <Spinner label={s.loadingVideo} />
      ) : null}
      <ul className="downloads">
        {items.map((asset) => (
          <li key={asset.id}>
            <DownloadLink asset={asset} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function DownloadLink({ asset }: { asset: Asset }) {
  const s = useStrings(strings);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const label = format(s.download, { file: `${asset.name} (${(asset.size_bytes / 1024).toFixed(0)} KB)` });
  if (!getApiKey()) {
    return (
      <a href={`${apiBase}${contentPath(asset)}`} download={asset.name}>
        {label}
      </a>
    );
  }
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const url = await fetchObjectUrl(contentPath(asset));
      const a = document.createElement("a");
      a.href = url;
      a.download = asset.name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="link" onClick={download} disabled={busy}>
        {label}
      </button>
      {busy ? <Spinner label={label} inline /> : null}
      {error ? <ErrorView error={error} /> : null}
    </>
  );
}

function Live({ initial }: { initial: Job }) {
  const s = useStrings(strings);
  const [job, setJob] = useState(initial);
  const [eta, setEta] = useState<number | null>(null);
  const [streamError, setStreamError] = useState<unknown>(null);
  const [canceling, setCanceling] = useState(false);
  const [cancelError, setCancelError] = useState<unknown>(null);
  const final = FINAL.includes(job.status);

  useEffect(() => {
    if (FINAL.includes(initial.status)) return;
    const controller = new AbortController();
    follow<JobEvent>(`/jobs/${initial.id}/events`, {
      final: FINAL,
      signal: controller.signal,
      onEvent: ({ data }) => {
        setJob((j) => ({ ...j, status: data.status, stage: data.stage, progress: data.progress }));
        setEta(data.eta_seconds ?? null);
      },
    })
      .then(async () => {
        if (controller.signal.aborted) return;
        // The stream ended on a final event: the job's record has its outputs and error.
        setJob(await call(api.GET("/jobs/{job_id}", { params: { path: { job_id: initial.id } } })));
      })
      .catch((error: unknown) => !isAbort(error) && setStreamError(error));
    return () => controller.abort();
  }, [initial.id, initial.status]);

  const cancel = async () => {
    setCanceling(true);
    setCancelError(null);
    try {
      setJob(await call(api.POST("/jobs/{job_id}/cancel", { params: { path: { job_id: job.id } } })));
    } catch (error) {
      setCancelError(error);
    } finally {
      setCanceling(false);
    }
  };

  const detail = [
    job.stage ? format(s.stage, { stage: job.stage }) : job.status === "queued" ? s.waiting : "",
    eta !== null && !final ? format(s.eta, { s: Math.round(eta) }) : "",
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <>
      <section className="card" aria-labelledby="status-heading" aria-busy={!final}>
        <h2 id="status-heading">
          {s.status}: <span className={`badge badge-${job.status}`} data-testid="job-status">{s.statuses[job.status] ?? job.status}</span>
        </h2>
        <ProgressBar label={s.progress} value={job.progress / 100} detail={detail || undefined} />
        {!final ? <p className="help">{s.following}</p> : null}
        {job.status === "failed" && job.error ? <p className="fail">{format(s.failed, { message: job.error.message })}</p> : null}
        {job.status === "canceled" ? <p>{s.canceled}</p> : null}
        {streamError ? <ErrorView error={streamError} /> : null}
        <p className="help">
          {format(s.attempts, { n: job.attempts })} · <Link to={`/templates/${job.template_id}`}>{s.editTemplate}</Link>
        </p>
        {!final ? (
          <div className="row">
            <button type="button" className="secondary" onClick={cancel} disabled={canceling}>
              {s.cancel}
            </button>
            {canceling ? <Spinner label={s.canceling} inline /> : null}
          </div>
        ) : null}
        {cancelError ? <ErrorView error={cancelError} /> : null}
      </section>
      {job.status === "done" ? <Result job={job} /> : null}
    </>
  );
}

export function JobDetail() {
  const s = useStrings(strings);
  const { id = "" } = useParams();
  const state = useAsync((signal) => call(api.GET("/jobs/{job_id}", { params: { path: { job_id: id } }, signal })), [id]);
  return (
    <section aria-labelledby="screen-title">
      <Link to="/jobs">{s.back}</Link>
      <h1 id="screen-title">
        {s.job} <code>{id.slice(0, 8)}</code>
      </h1>
      {state.error ? <ErrorView error={state.error} onRetry={state.reload} /> : null}
      {state.value ? <Live key={state.value.id} initial={state.value} /> : state.error ? null : <Spinner label={s.loadingJob} />}
    </section>
  );
}
