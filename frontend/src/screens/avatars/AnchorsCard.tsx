// A puppet's or photo's face points over its base or photo image, adjustable and saved with
// PATCH /models/{id} (`anchors`); a photo shows the face box GALA found.
import { useState } from "react";
import { api, call } from "../../api/client";
import type { components } from "../../api/schema";
import { ErrorView } from "../../components/ErrorView";
import { Spinner } from "../../components/Spinner";
import { useStrings } from "../../i18n/i18n";
import { shared } from "../../i18n/shared";
import { contentPath, useObjectUrl } from "../assets/useObjectUrl";
import { AnchorEditor, type Point } from "./AnchorEditor";
import { ANCHOR_NAMES, type Anchors } from "./kinds";
import strings from "./strings";

type Model = components["schemas"]["Model"];

export function AnchorsCard({ model, onSaved }: { model: Model; onSaved: (m: Model) => void }) {
  const s = useStrings(strings);
  const common = useStrings(shared);
  const kind = model.kind === "photo" ? "photo" : "puppet";
  const imageRole = kind === "photo" ? "photo" : "base";
  const imageId = model.reference_assets?.find((r) => r.role === imageRole)?.asset_id ?? null;
  const { url, error: imageError } = useObjectUrl(imageId ? contentPath(imageId) : null);
  const [anchors, setAnchors] = useState<Anchors>(() => ({ ...(model.anchors ?? {}) }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState("");
  const names = ANCHOR_NAMES[kind].filter((name) => Array.isArray(anchors[name]));
  const save = async () => {
    setBusy(true);
    setError(null);
    setMessage("");
    try {
      const points = Object.fromEntries(ANCHOR_NAMES[kind].filter((n) => Array.isArray(anchors[n])).map((n) => [n, anchors[n]]));
      const saved = await call(api.PATCH("/models/{model_id}", { params: { path: { model_id: model.id } }, body: { anchors: points } }));
      setMessage(s.anchorsSaved);
      onSaved(saved);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="anchors-heading">
      <h2 id="anchors-heading">{s.anchors}</h2>
      {imageError ? <ErrorView error={imageError} /> : null}
      {!url && !imageError ? <Spinner label={common.loading} /> : null}
      {url ? (
        <AnchorEditor
          src={url}
          alt={model.name}
          box={model.face ?? null}
          points={names.map((name) => ({ name, label: s.anchorNames[name], value: anchors[name] as Point }))}
          onChange={(name, value) => setAnchors((a) => ({ ...a, [name]: value }))}
        />
      ) : null}
      {model.face ? <p className="help">{s.faceFound}</p> : null}
      <div className="row">
        <button type="button" onClick={() => void save()} disabled={busy}>
          {s.saveAnchors}
        </button>
        {busy ? <Spinner label={s.saving} inline /> : null}
      </div>
      {error ? <ErrorView error={error} /> : null}
      <p role="status">{message}</p>
    </section>
  );
}
