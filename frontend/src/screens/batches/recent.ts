// The batches made in this browser (the API lists a batch's rows, not the batches), newest first.
const KEY = "gala.recentBatches";
const KEEP = 20;

export function recentBatches(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? "[]");
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

export function rememberBatch(id: string): void {
  try {
    localStorage.setItem(KEY, JSON.stringify([id, ...recentBatches().filter((v) => v !== id)].slice(0, KEEP)));
  } catch {
    /* storage disabled: the batch is still reachable by its address */
  }
}
