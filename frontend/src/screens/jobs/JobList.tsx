// Jobs, newest first, filtered by status (the contract's JobStatus values); refreshed every few
// seconds while any listed job is still running.
import { useEffect } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { enums } from "virtual:gala-contract";
import { api, call } from "../../api/client";
import type { components } from "../../api/schema";
import { ErrorView } from "../../components/ErrorView";
import { ProgressBar, Spinner } from "../../components/Spinner";
import { useAsync } from "../../components/useAsync";
import { format, useLanguage, useStrings } from "../../i18n/i18n";
import strings from "./strings";

type JobStatus = components["schemas"]["JobStatus"];
export const FINAL: readonly string[] = ["done", "failed", "canceled"];
const STATUSES = (enums.JobStatus ?? []) as readonly JobStatus[];

export function JobList() {
  const s = useStrings(strings);
  const { language } = useLanguage();
  const [search, setSearch] = useSearchParams();
  const status = (search.get("status") || undefined) as JobStatus | undefined;
  const jobs = useAsync(
    (signal) => call(api.GET("/jobs", { params: { query: { limit: 50, ...(status ? { status } : {}) } }, signal })),
    [status],
  );
  const active = jobs.value?.items.some((j) => !FINAL.includes(j.status)) ?? false;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(jobs.reload, 3000);
    return () => clearInterval(timer);
  }, [active, jobs.reload]);
  return (
    <section aria-labelledby="screen-title">
      <h1 id="screen-title">{s.title}</h1>
      <div className="row">
        <label className="field">
          <span>{s.filter}</span>
          <select value={status ?? ""} onChange={(e) => setSearch(e.target.value ? { status: e.target.value } : {})}>
            <option value="">{s.all}</option>
            {STATUSES.map((v) => (
              <option key={v} value={v}>
                {s.statuses[v] ?? v}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="secondary" onClick={jobs.reload}>
          {s.refresh}
        </button>
        {jobs.loading ? <Spinner label={s.loading} inline /> : null}
      </div>
      {jobs.error ? <ErrorView error={jobs.error} onRetry={jobs.reload} /> : null}
      {jobs.value && jobs.value.items.length === 0 ? <p>{s.none}</p> : null}
      {jobs.value && jobs.value.items.length > 0 ? (
        <div className="table-wrap">
          <table className="jobs">
            <thead>
              <tr>
                <th scope="col">{s.job}</th>
                <th scope="col">{s.status}</th>
                <th scope="col">{s.progress}</th>
                <th scope="col">{s.created}</th>
              </tr>
            </thead>
            <tbody>
              {jobs.value.items.map((job) => (
                <tr key={job.id}>
                  <td>
                    <Link to={`/jobs/${job.id}`} aria-label={format(s.open, { id: job.id })}>
                      <code>{job.id.slice(0, 8)}</code>
                    </Link>
                  </td>
                  <td>
                    <span className={`badge badge-${job.status}`}>{s.statuses[job.status] ?? job.status}</span>
                  </td>
                  <td className="progress-cell">
                    <ProgressBar label={`${s.progress} ${job.id.slice(0, 8)}`} value={job.progress / 100} hideLabel />
                  </td>
                  <td>{new Date(job.created_at).toLocaleString(language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
