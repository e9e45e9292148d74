// Load something for a screen: its value, error and loading flag, with reload; a load superseded
// by a newer one (or by unmounting) is aborted and its answer dropped.
import { useCallback, useEffect, useRef, useState } from "react";
import { isAbort } from "../api/problem";

export interface AsyncState<T> {
  value: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [state, setState] = useState<{ value: T | undefined; error: unknown; loading: boolean }>({
    value: undefined,
    error: null,
    loading: true,
  });
  const [generation, setGeneration] = useState(0);
  const current = useRef<AbortController | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    current.current?.abort();
    current.current = controller;
    setState((s) => ({ ...s, loading: true, error: null }));
    load(controller.signal).then(
      (value) => !controller.signal.aborted && setState({ value, error: null, loading: false }),
      (error: unknown) => !controller.signal.aborted && !isAbort(error) && setState((s) => ({ ...s, error, loading: false })),
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
