// A new model: a puppet (an image per role, its mouth and eyes placed on the base), a photo (one
// portrait; GALA finds the face), or data only (a voice and reference images); with its voice.
import { useState, type FormEvent } from "react";
import { api, call } from "../../api/client";
import { ApiError } from "../../api/problem";
import type { components } from "../../api/schema";
import { ErrorView, FieldErrors } from "../../components/ErrorView";
import { Spinner } from "../../components/Spinner";
import { useAsync } from "../../components/useAsync";
import { format, useStrings } from "../../i18n/i18n";
import { shared } from "../../i18n/shared";
import { contentPath, useObjectUrl } from "../assets/useObjectUrl";
import { AnchorEditor, type Point } from "./AnchorEditor";
import { MODEL_KINDS, PUPPET_ROLES, startingAnchors, type ModelKind, type ReferenceRole } from "./kinds";
import strings from "./strings";
import { EMPTY_VOICE, VoiceFields, voiceBody, type VoiceDraft } from "./VoiceFields";

type Model = components["schemas"]["Model"];
type Asset = components["schemas"]["Asset"];
type ModelCreate = components["schemas"]["ModelCreate"];

export function roleLabel(s: (typeof strings)["en"], role: ReferenceRole): string {
  const named = (s.roleNames as Record<string, string>)[role];
  return named ?? format(s.mouth, { shape: role.replace("mouth_", "") });
}

function PuppetPlacer({ baseId, anchors, onChange }: { baseId: string; anchors: Record<string, Point>; onChange: (a: Record<string, Point>) => void }) {
  const s = useStrings(strings);
  const common = useStrings(shared);
  const { url } = useObjectUrl(contentPath(baseId));
  if (!url) return <Spinner label={common.loading} inline />;
  return (
    <AnchorEditor
      src={url}
      alt={roleLabel(s, "base")}
      points={(["eyes", "mouth"] as const).map((name) => ({ name, label: s.anchorNames[name], value: anchors[name] ?? [0, 0] }))}
      onChange={(name, value) => onChange({ ...anchors, [name]: value })}
    />
  );
}

export function NewModel({ onCreated }: { onCreated: (m: Model) => void }) {
  const s = useStrings(strings);
  const common = useStrings(shared);
  const [kind, setKind] = useState<ModelKind>("puppet");
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [voice, setVoice] = useState<VoiceDraft>({ ...EMPTY_VOICE, language: "es" });
  const [refs, setRefs] = useState<string[]>([]);
  const [roles, setRoles] = useState<Partial<Record<ReferenceRole, string>>>({});
  const [anchors, setAnchors] = useState<Record<string, Point>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const images = useAsync(
    (signal) => call(api.GET("/assets", { params: { query: { kind: "image", limit: 100 } }, signal })).then((p) => p.items as Asset[]),
    [],
  );
  const byId = (id: string | undefined) => images.value?.find((a) => a.id === id);

  const chooseRole = (role: ReferenceRole, id: string) => {
    setRoles((r) => ({ ...r, [role]: id || undefined }));
    const base = role === "base" ? byId(id) : undefined;
    if (base?.media?.width && base.media.height && !anchors.mouth) {
      setAnchors(startingAnchors(base.media.width, base.media.height));
    }
  };

  const body = (): ModelCreate => {
    // openapi-typescript types a voice's defaulted fields as required; the API fills them in.
    const base = { name: name.trim(), kind, voice: voiceBody(voice) as ModelCreate["voice"], ...(description.trim() ? { description: description.trim() } : {}) };
    if (kind === "avatar") return { ...base, reference_asset_ids: refs };
    if (kind === "photo") return { ...base, reference_assets: roles.photo ? [{ asset_id: roles.photo, role: "photo" }] : [] };
    return {
      ...base,
      reference_assets: PUPPET_ROLES.flatMap((role) => (roles[role] ? [{ asset_id: roles[role]!, role }] : [])),
      anchors: { ...(anchors.mouth ? { mouth: anchors.mouth } : {}), ...(anchors.eyes ? { eyes: anchors.eyes } : {}) },
    };
  };

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const model = await call(api.POST("/models", { body: body() }));
      setName("");
      setDescription("");
      onCreated(model);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const apiError = error instanceof ApiError ? error : null;
  const imageSelect = (role: ReferenceRole) => (
    <label className="field" key={role}>
      <span>{roleLabel(s, role)}</span>
      <select value={roles[role] ?? ""} onChange={(e) => chooseRole(role, e.target.value)} aria-label={roleLabel(s, role)}>
        <option value="">{s.chooseImage}</option>
        {images.value?.map((asset) => (
          <option key={asset.id} value={asset.id}>
            {asset.name}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="card" aria-labelledby="new-model-heading">
      <h2 id="new-model-heading">{s.newModel}</h2>
      <p className="help">{s.kindNote}</p>
      <form onSubmit={create} className="new-model">
        <label className="field" htmlFor="model-kind">
          <span>{s.kind}</span>
          <select id="model-kind" value={kind} onChange={(e) => setKind(e.target.value as ModelKind)}>
            {MODEL_KINDS.map((k) => (
              <option key={k} value={k}>
                {s.kindNames[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="field" htmlFor="model-name">
          <span>{s.name}</span>
          <input id="model-name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
          <FieldErrors errors={apiError?.at("/name") ?? []} />
        </label>
        <label className="field" htmlFor="model-description">
          <span>{s.description}</span>
          <input id="model-description" maxLength={2000} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <fieldset>
          <legend>{s.references}</legend>
          {images.loading ? <Spinner label={common.loading} inline /> : null}
          {images.value && images.value.length === 0 ? <p className="help">{s.noReferences}</p> : null}
          {kind === "avatar" ? (
            <div className="reference-list">
              {images.value?.map((asset) => (
                <label key={asset.id} className="check">
                  <input
                    type="checkbox"
                    checked={refs.includes(asset.id)}
                    onChange={(e) => setRefs((r) => (e.target.checked ? [...r, asset.id] : r.filter((id) => id !== asset.id)))}
                  />
                  {asset.name}
                </label>
              ))}
            </div>
          ) : null}
          {kind === "photo" ? (
            <>
              <p className="help">{s.photoNote}</p>
              {imageSelect("photo")}
            </>
          ) : null}
          {kind === "puppet" ? (
            <>
              <p className="help">{s.puppetNote}</p>
              <div className="role-grid">{PUPPET_ROLES.map(imageSelect)}</div>
              {roles.base ? <PuppetPlacer baseId={roles.base} anchors={anchors} onChange={setAnchors} /> : null}
            </>
          ) : null}
          <FieldErrors errors={[...(apiError?.at("/reference_asset_ids") ?? []), ...(apiError?.at("/reference_assets") ?? []), ...(apiError?.at("/anchors") ?? [])]} showField />
        </fieldset>
        <fieldset>
          <legend>{s.voice}</legend>
          <VoiceFields id="new-voice" value={voice} onChange={setVoice} schema={["Voice"]} pitchHelp={s.pitchModelHelp} error={apiError} />
        </fieldset>
        <div className="row">
          <button type="submit" disabled={busy || !name.trim()}>
            {s.create}
          </button>
          {busy ? <Spinner label={s.creating} inline /> : null}
        </div>
      </form>
      {error ? <ErrorView error={error} /> : null}
    </section>
  );
}
