// The API key lives in this tab's sessionStorage only: it goes when the tab closes and is never
// written to localStorage, a cookie or the URL (docs/studio.md, "API keys").
const STORAGE_KEY = "gala.apiKey";

type Listener = (key: string | null) => void;
const listeners = new Set<Listener>();

export function getApiKey(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: the studio works without a key (API_AUTH=off/auto on loopback)
  }
}

export function setApiKey(key: string | null): void {
  const value = key?.trim() || null;
  try {
    if (value) sessionStorage.setItem(STORAGE_KEY, value);
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    /* storage disabled: nothing to keep */
  }
  listeners.forEach((listener) => listener(value));
}

export function onApiKeyChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function authHeaders(): Record<string, string> {
  const key = getApiKey();
  return key ? { Authorization: `Bearer ${key}` } : {};
}
