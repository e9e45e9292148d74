// A readable error: the problem's title and detail, what to do (network, 401, 403, 429), and the
// fields it points at. Screens that have the field on screen show FieldErrors beside it instead.
import { ApiError, type FieldError } from "../api/problem";
import { format, useStrings } from "../i18n/i18n";
import { shared } from "../i18n/shared";

function hint(error: ApiError, s: (typeof shared)["en"]): string | null {
  if (error.status === 0) return s.errors.network;
  if (error.status === 401) return s.errors.unauthorized;
  if (error.status === 403) return s.errors.forbidden;
  if (error.retryAfter) return format(s.errors.retryAfter, { seconds: error.retryAfter });
  return null;
}

export function ErrorView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const s = useStrings(shared);
  const apiError = error instanceof ApiError ? error : null;
  const title = apiError ? (apiError.status === 0 ? s.errors.title : apiError.title) : s.errors.title;
  const detail = apiError ? apiError.detail : error instanceof Error ? error.message : String(error);
  const advice = apiError ? hint(apiError, s) : null;
  return (
    <div className="error" role="alert">
      <strong className="error-title">
        {title}
        {apiError && apiError.status > 0 ? ` (${apiError.status})` : ""}
      </strong>
      {detail ? <p className="error-detail">{detail}</p> : null}
      {advice ? <p className="error-hint">{advice}</p> : null}
      {apiError && apiError.fields.length > 0 ? <FieldErrors errors={apiError.fields} showField /> : null}
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {s.retry}
        </button>
      ) : null}
    </div>
  );
}

export function FieldErrors({ errors, showField = false, id }: { errors: FieldError[]; showField?: boolean; id?: string }) {
  const s = useStrings(shared);
  if (errors.length === 0) return null;
  return (
    <ul className="field-errors" id={id}>
      {errors.map((e, i) => (
        <li key={i}>
          {showField && e.field ? (
            <>
              <span className="visually-hidden">{s.errors.field} </span>
              <code>{e.field}</code>:{" "}
            </>
          ) : null}
          {e.detail}
        </li>
      ))}
    </ul>
  );
}
