// Batches: a new batch from a CSV, the batches made in this browser, and /batches/<id>: one batch.
import { useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";
import { api, call } from "../../api/client";
import type { components } from "../../api/schema";
import { ErrorView } from "../../components/ErrorView";
import { Spinner } from "../../components/Spinner";
import { useAsync } from "../../components/useAsync";
import { format, useStrings } from "../../i18n/i18n";
import { shared } from "../../i18n/shared";
import { BatchView } from "./BatchView";
import { NewBatch } from "./NewBatch";
import { recentBatches, rememberBatch } from "./recent";
import strings from "./strings";
import "./batches.css";

type Batch = components["schemas"]["Batch"];

function Recent() {
  const s = useStrings(strings);
  const common = useStrings(shared);
  const [ids] = useState(recentBatches);
  const list = useAsync(
    (signal) =>
      Promise.all(
        ids.map((id) => call(api.GET("/batches/{batch_id}", { params: { path: { batch_id: id } }, signal })).catch(() => null)),
      ),
    [ids],
  );
  return (
    <section className="card" aria-labelledby="recent-heading">
      <h2 id="recent-heading">{s.recent}</h2>
      {list.loading ? <Spinner label={common.loading} /> : null}
      {list.error ? <ErrorView error={list.error} /> : null}
      {ids.length === 0 ? <p>{s.noRecent}</p> : null}
      <ul className="recent-list">
        {list.value?.map((batch) =>
          batch ? (
            <li key={batch.id}>
              <Link to={`/batches/${batch.id}`}>{format(s.batch, { id: batch.id.slice(0, 8) })}</Link>{" "}
              <span className={`status status-${batch.status}`}>{s.statuses[batch.status]}</span> · {batch.counts.done}/{batch.rows} ·{" "}
              {new Date(batch.created_at).toLocaleString()}
            </li>
          ) : null,
        )}
      </ul>
    </section>
  );
}

export default function BatchesScreen() {
  const s = useStrings(strings);
  const navigate = useNavigate();
  const batchId = useParams()["*"] || null;
  const created = useLocation().state as { skipped?: Batch["skipped"] } | null; // the create's answer
  return (
    <section aria-labelledby="screen-title" className="batches-screen">
      <h1 id="screen-title">{s.title}</h1>
      {batchId ? (
        <BatchView key={batchId} batchId={batchId} skipped={created?.skipped} />
      ) : (
        <>
          <p className="help">{s.intro}</p>
          <NewBatch
            onCreated={(batch) => {
              rememberBatch(batch.id);
              navigate(`/batches/${batch.id}`, { state: { skipped: batch.skipped } });
            }}
          />
          <Recent />
        </>
      )}
    </section>
  );
}
