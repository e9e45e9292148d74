// One asset in the library: its poster (an image's own bytes, a render's thumbnail) or its kind's
// icon, name, kind, format, weight and media facts; "View" plays or shows it; delete, with the
// in-use guard explained.
import { useState } from "react";
import { ApiError } from "../../api/problem";
import { ErrorView } from "../../components/ErrorView";
import { Spinner } from "../../components/Spinner";
import { format, useStrings } from "../../i18n/i18n";
import { shared } from "../../i18n/shared";
import { InUse } from "./InUse";
import { formatBytes, KIND_ICONS, mediaFacts, type Asset } from "./media";
import strings from "./strings";
import { contentPath, useObjectUrl } from "./useObjectUrl";

function Poster({ asset, poster }: { asset: Asset; poster: Asset | null }) {
  const s = useStrings(strings);
  const { url } = useObjectUrl(poster ? contentPath(poster.id) : null);
  if (poster && url) {
    return <img className="asset-poster" src={url} alt={format(s.posterOf, { name: asset.name })} data-testid="asset-poster" />;
  }
  return (
    <span className="asset-icon" role="img" aria-label={s.kinds[asset.kind]}>
      {KIND_ICONS[asset.kind]}
    </span>
  );
}

function Viewer({ asset }: { asset: Asset }) {
  const s = useStrings(strings);
  const { url, error } = useObjectUrl(contentPath(asset.id));
  if (error) return <ErrorView error={error} />;
  if (!url) return <Spinner label={s.open} inline />;
  if (asset.kind === "video") return <video className="asset-player" src={url} controls aria-label={asset.name} />;
  if (asset.kind === "audio") return <audio src={url} controls aria-label={asset.name} />;
  if (asset.kind === "image") return <img className="asset-player" src={url} alt={asset.name} />;
  return null;
}

export interface AssetCardProps {
  asset: Asset;
  poster: Asset | null;
  onDelete: (asset: Asset) => Promise<void>;
}

export function AssetCard({ asset, poster, onDelete }: AssetCardProps) {
  const s = useStrings(strings);
  const common = useStrings(shared);
  const [viewing, setViewing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const titleId = `asset-${asset.id}`;
  const remove = async () => {
    setDeleting(true);
    setError(null);
    try {
      await onDelete(asset);
    } catch (caught) {
      setError(caught);
      setConfirming(false);
    } finally {
      setDeleting(false);
    }
  };
  const facts = mediaFacts(asset.media);
  const viewable = asset.kind === "image" || asset.kind === "video" || asset.kind === "audio";
  return (
    <li className="card asset-card" aria-labelledby={titleId} data-testid="asset-card" data-kind={asset.kind}>
      <div className="asset-thumb">
        <Poster asset={asset} poster={poster} />
      </div>
      <h3 id={titleId} className="asset-name" title={asset.name}>
        {asset.name}
      </h3>
      <p className="asset-kind">
        {s.kinds[asset.kind]} · {s.sources[asset.source]}
        {asset.role ? ` · ${asset.role}` : ""}
      </p>
      <dl className="asset-facts">
        <div>
          <dt>{s.mime}</dt>
          <dd>{asset.mime}</dd>
        </div>
        <div>
          <dt>{s.bytes}</dt>
          <dd>{formatBytes(asset.size_bytes)}</dd>
        </div>
        {facts.map((fact) => (
          <div key={fact.key}>
            <dt>{s.facts[fact.key]}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
      {viewing ? <Viewer asset={asset} /> : null}
      <div className="row asset-actions">
        {viewable ? (
          <button type="button" className="secondary" onClick={() => setViewing((v) => !v)} aria-expanded={viewing}>
            {viewing ? s.hide : s.open}
          </button>
        ) : null}
        {confirming ? null : (
          <button type="button" className="secondary danger" onClick={() => setConfirming(true)}>
            {s.delete}
          </button>
        )}
      </div>
      {confirming ? (
        <div className="confirm" role="group" aria-label={s.delete}>
          <p>{format(s.confirmDelete, { name: asset.name })}</p>
          <div className="row">
            <button type="button" className="danger" onClick={remove} disabled={deleting} autoFocus>
              {s.confirmYes}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)} disabled={deleting}>
              {common.cancel}
            </button>
          </div>
          {deleting ? <Spinner label={s.deleting} inline /> : null}
        </div>
      ) : null}
      {error instanceof ApiError && error.status === 409 ? (
        <InUse name={asset.name} error={error} />
      ) : error ? (
        <ErrorView error={error} />
      ) : null}
    </li>
  );
}
