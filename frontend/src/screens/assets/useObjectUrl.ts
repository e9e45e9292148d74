// An asset's bytes as an object URL (fetched with the key, so it works when the API asks for
// one), revoked when the asset changes or the component goes.
import { useEffect, useState } from "react";
import { fetchObjectUrl } from "../../api/client";
import { isAbort } from "../../api/problem";
import { pathOf } from "../../api/transfer";

export function contentPath(assetId: string): string {
  return pathOf("/assets/{asset_id}/content", { asset_id: assetId });
}

export function useObjectUrl(path: string | null): { url: string | null; error: unknown } {
  const [state, setState] = useState<{ url: string | null; error: unknown }>({ url: null, error: null });
  useEffect(() => {
    if (!path) return;
    const controller = new AbortController();
    let made: string | null = null;
    setState({ url: null, error: null });
    fetchObjectUrl(path, controller.signal).then(
      (url) => {
        made = url;
        if (controller.signal.aborted) URL.revokeObjectURL(url);
        else setState({ url, error: null });
      },
      (error: unknown) => !isAbort(error) && !controller.signal.aborted && setState({ url: null, error }),
    );
    return () => {
      controller.abort();
      if (made) URL.revokeObjectURL(made);
    };
  }, [path]);
  return state;
}
