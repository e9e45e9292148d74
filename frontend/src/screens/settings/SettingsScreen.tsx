// Settings: the API key (sessionStorage only) and readiness from /health/ready.
import { useState, type FormEvent } from "react";
import { api } from "../../api/client";
import { getApiKey, setApiKey } from "../../api/key";
import { apiError, networkError } from "../../api/problem";
import type { components } from "../../api/schema";
import { ErrorView } from "../../components/ErrorView";
import { Spinner } from "../../components/Spinner";
import { useAsync } from "../../components/useAsync";
import { format, useStrings } from "../../i18n/i18n";
import strings from "./strings";

type Checks = components["schemas"]["Checks"];

async function readiness(signal: AbortSignal): Promise<{ ready: boolean; checks: Checks }> {
  let answer;
  try {
    answer = await api.GET("/health/ready", { signal });
  } catch (cause) {
    throw networkError(cause);
  }
  const { data, error, response } = answer;
  if (data) return { ready: true, checks: data.checks };
  if (error && typeof error === "object" && "checks" in error) return { ready: false, checks: error.checks as Checks };
  throw apiError(response, error);
}

function ApiKeyForm() {
  const s = useStrings(strings);
  const [draft, setDraft] = useState("");
  const [kept, setKept] = useState(getApiKey() !== null);
  const [message, setMessage] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setApiKey(draft);
    setKept(getApiKey() !== null);
    setDraft("");
    setMessage(getApiKey() ? s.keySaved : s.keyCleared);
  };
  const forget = () => {
    setApiKey(null);
    setKept(false);
    setMessage(s.keyCleared);
  };
  return (
    <section className="card" aria-labelledby="key-heading">
      <h2 id="key-heading">{s.keyHeading}</h2>
      <p>{kept ? s.keySet : s.keyNone}</p>
      <form onSubmit={submit} className="row">
        <label className="field">
          <span>{s.keyLabel}</span>
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            aria-describedby="key-help"
          />
        </label>
        <button type="submit">{s.keySave}</button>
        <button type="button" onClick={forget} disabled={!kept}>
          {s.keyClear}
        </button>
      </form>
      <p id="key-help" className="help">
        {s.keyHelp}
      </p>
      <p role="status">{message}</p>
    </section>
  );
}

function Readiness() {
  const s = useStrings(strings);
  const state = useAsync(readiness, []);
  return (
    <section className="card" aria-labelledby="ready-heading" aria-busy={state.loading}>
      <h2 id="ready-heading">{s.readyHeading}</h2>
      {state.loading ? <Spinner label={s.readyChecking} /> : null}
      {state.error ? <ErrorView error={state.error} /> : null}
      {state.value ? (
        <>
          <p className={state.value.ready ? "ok" : "fail"}>{state.value.ready ? s.readyAll : s.readySome}</p>
          <dl className="checks" data-testid="readiness">
            {(Object.keys(s.checks) as (keyof Checks)[]).map((name) => {
              const check = state.value!.checks[name];
              return (
                <div key={name} className={check.status === "ok" ? "ok" : "fail"}>
                  <dt>{s.checks[name]}</dt>
                  <dd>
                    {check.status === "ok" ? s.ok : s.fail}
                    {check.latency_ms !== undefined ? ` · ${format(s.latency, { ms: Math.round(check.latency_ms) })}` : ""}
                    {check.detail ? ` · ${check.detail}` : ""}
                  </dd>
                </div>
              );
            })}
          </dl>
        </>
      ) : null}
      <button type="button" onClick={state.reload} disabled={state.loading}>
        {s.readyCheck}
      </button>
    </section>
  );
}

export default function SettingsScreen() {
  const s = useStrings(strings);
  return (
    <section aria-labelledby="screen-title">
      <h1 id="screen-title">{s.title}</h1>
      <ApiKeyForm />
      <Readiness />
    </section>
  );
}
