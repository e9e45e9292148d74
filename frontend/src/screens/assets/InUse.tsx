// Why an asset cannot be deleted: the 409's `users` (AssetInUseProblem), each with a link to what
// uses it (templates and models by name), the version and where the id is written, and what to do.
import { Link } from "react-router-dom";
import { api, call } from "../../api/client";
import type { ApiError } from "../../api/problem";
import type { components } from "../../api/schema";
import { useAsync } from "../../components/useAsync";
import { format, useStrings } from "../../i18n/i18n";
import strings from "./strings";

type AssetUser = components["schemas"]["AssetUser"];

export function assetUsers(error: ApiError): AssetUser[] {
  const body = error.body as components["schemas"]["AssetInUseProblem"] | undefined;
  return Array.isArray(body?.users) ? body.users : [];
}

const LINKS: Record<AssetUser["type"], string> = { template: "/templates", model: "/avatars", job: "/jobs" };

/** The names of the templates and models among `users` (what a person recognises); ids otherwise. */
async function namesOf(users: AssetUser[], signal: AbortSignal): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  const wanted = [...new Map(users.filter((u) => u.type !== "job").map((u) => [u.id, u])).values()];
  await Promise.all(
    wanted.map(async (user) => {
      try {
        const found =
          user.type === "template"
            ? await call(api.GET("/templates/{template_id}", { params: { path: { template_id: user.id } }, signal }))
            : await call(api.GET("/models/{model_id}", { params: { path: { model_id: user.id } }, signal }));
        names[user.id] = found.name;
      } catch {
        /* gone or not readable: the id is shown */
      }
    }),
  );
  return names;
}

export function InUse({ name, error, fetchNames = true }: { name: string; error: ApiError; fetchNames?: boolean }) {
  const s = useStrings(strings);
  const users = assetUsers(error);
  const names = useAsync((signal) => (fetchNames ? namesOf(users, signal) : Promise.resolve<Record<string, string>>({})), [error]);
  return (
    <div className="error in-use" role="alert">
      <strong className="error-title">{format(s.inUseTitle, { name })}</strong>
      <p>{s.inUseWhy}</p>
      <ul className="in-use-users">
        {users.map((user, i) => (
          <li key={`${user.type}-${user.id}-${i}`}>
            {s.users[user.type]}{" "}
            <Link to={`${LINKS[user.type]}/${user.id}`}>{names.value?.[user.id] ?? <code>{user.id.slice(0, 8)}</code>}</Link>
            {user.version ? ` · ${format(s.version, { v: user.version })}` : ""}
            {user.pointer ? (
              <>
                {" · "}
                {format(s.at, { pointer: "" })}
                <code>{user.pointer}</code>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {users.length === 0 && error.detail ? <p className="error-detail">{error.detail}</p> : null}
    </div>
  );
}
