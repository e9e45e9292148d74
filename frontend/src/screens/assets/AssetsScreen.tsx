// Assets: the library (filtered by kind, a page at a time) and uploads by drag and drop or the
// file button, each with its progress bar; refusals (413, 415, 422) show the problem's detail.
import { useCallback, useEffect, useState } from "react";
import { api, call } from "../../api/client";
import { isAbort } from "../../api/problem";
import { upload, type Progress } from "../../api/transfer";
import { ErrorView } from "../../components/ErrorView";
import { FileDrop } from "../../components/FileDrop";
import { ProgressBar, Spinner } from "../../components/Spinner";
import { format, useStrings } from "../../i18n/i18n";
import { shared } from "../../i18n/shared";
import { AssetCard } from "./AssetCard";
import { ASSET_KINDS, posterOf, type Asset, type AssetKind } from "./media";
import strings from "./strings";
import "./assets.css";

const PAGE = 48;

interface Sending {
  key: number;
  name: string;
  progress: Progress | null;
  state: "sending" | "checking" | "done" | "failed";
  error?: unknown;
}

function UploadRow({ item, onDismiss }: { item: Sending; onDismiss: () => void }) {
  const s = useStrings(strings);
  const common = useStrings(shared);
  const value = item.progress && item.progress.total ? item.progress.loaded / item.progress.total : null;
  return (
    <li className="upload-row" data-testid="upload-row" data-state={item.state}>
      {item.state === "sending" ? <ProgressBar label={format(s.uploading, { name: item.name })} value={value} /> : null}
      {item.state === "checking" ? <Spinner label={format(s.checking, { name: item.name })} /> : null}
      {item.state === "done" ? <p className="ok">{format(s.uploaded, { name: item.name })}</p> : null}
      {item.state === "failed" ? (
        <>
          <p className="fail">{format(s.uploadFailed, { name: item.name })}</p>
          <ErrorView error={item.error} />
          <button type="button" className="secondary" onClick={onDismiss}>
            {common.close}
          </button>
        </>
      ) : null}
    </li>
  );
}

let nextKey = 0;

function useLibrary(kind: AssetKind | "") {
  const [items, setItems] = useState<Asset[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(
    async (after: string | null, signal?: AbortSignal) => {
      setLoading(true);
      setError(null);
      try {
        const query = { limit: PAGE, ...(kind ? { kind } : {}), ...(after ? { cursor: after } : {}) };
        const page = await call(api.GET("/assets", { params: { query }, signal }));
        setItems((old) => (after ? [...old, ...page.items] : page.items));
        setCursor(page.next_cursor ?? null);
      } catch (caught) {
        if (!isAbort(caught)) setError(caught);
      } finally {
        if (!signal?.aborted) setLoading(false);
      }
    },
    [kind],
  );
  useEffect(() => {
    const controller = new AbortController();
    void load(null, controller.signal);
    return () => controller.abort();
  }, [load]);
  return { items, setItems, cursor, loading, error, more: () => load(cursor), reload: () => load(null) };
}

export default function AssetsScreen() {
  const s = useStrings(strings);
  const common = useStrings(shared);
  const [kind, setKind] = useState<AssetKind | "">("");
  const library = useLibrary(kind);
  const [sending, setSending] = useState<Sending[]>([]);
  const [message, setMessage] = useState("");

  const patch = (key: number, change: Partial<Sending>) =>
    setSending((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));

  const send = async (files: File[]) => {
    for (const file of files) {
      const key = nextKey++;
      setSending((list) => [...list, { key, name: file.name, progress: null, state: "sending" }]);
      try {
        const asset = await upload(
          "/assets",
          { file, name: file.name.slice(0, 200) },
          {
            onProgress: (progress) =>
              patch(key, { progress, state: progress.total !== null && progress.loaded >= progress.total ? "checking" : "sending" }),
          },
        );
        patch(key, { state: "done" });
        setMessage(format(s.uploaded, { name: asset.name }));
        if (!kind || asset.kind === kind) library.setItems((items) => [asset, ...items]);
        setTimeout(() => setSending((list) => list.filter((item) => item.key !== key)), 4000);
      } catch (error) {
        patch(key, { state: "failed", error });
      }
    }
  };

  const remove = async (asset: Asset) => {
    await call(api.DELETE("/assets/{asset_id}", { params: { path: { asset_id: asset.id } } }));
    library.setItems((items) => items.filter((a) => a.id !== asset.id));
    setMessage(format(s.deleted, { name: asset.name }));
  };

  return (
    <section aria-labelledby="screen-title" className="assets-screen">
      <h1 id="screen-title">{s.title}</h1>
      <p className="help">{s.intro}</p>
      <FileDrop label={s.upload} hint={s.dropHint} onFiles={send} multiple />
      {sending.length > 0 ? (
        <ul className="upload-list" aria-label={s.upload}>
          {sending.map((item) => (
            <UploadRow key={item.key} item={item} onDismiss={() => setSending((l) => l.filter((i) => i.key !== item.key))} />
          ))}
        </ul>
      ) : null}
      <p role="status" className="visually-hidden">
        {message}
      </p>

      <div className="row library-head">
        <h2 id="library-heading">{s.library}</h2>
        <label className="field">
          <span>{s.filterKind}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as AssetKind | "")}>
            <option value="">{s.allKinds}</option>
            {ASSET_KINDS.map((k) => (
              <option key={k} value={k}>
                {s.kinds[k]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {library.error ? <ErrorView error={library.error} onRetry={library.reload} /> : null}
      {!library.loading && !library.error && library.items.length === 0 ? <p>{s.empty}</p> : null}
      <ul className="asset-grid" aria-labelledby="library-heading" aria-busy={library.loading}>
        {library.items.map((asset) => (
          <AssetCard key={asset.id} asset={asset} poster={posterOf(asset, library.items)} onDelete={remove} />
        ))}
      </ul>
      {library.loading ? <Spinner label={common.loading} /> : null}
      {library.cursor && !library.loading ? (
        <button type="button" className="secondary" onClick={() => void library.more()}>
          {s.more}
        </button>
      ) : null}
    </section>
  );
}
