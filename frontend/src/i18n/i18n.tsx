// Spanish and English. Each screen owns one strings file (screens/<screen>/strings.ts) made with
// defineStrings; shared words (nav, buttons, errors) are in i18n/shared.ts. Spanish is the
// original audience: it is the default unless the browser prefers English.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";

export const LANGUAGES = ["es", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** A screen's strings: the Spanish set defines the shape, English must match it key for key. */
export interface Strings<T> {
  es: T;
  en: T;
}

export function defineStrings<T>(strings: { es: T; en: NoInfer<T> }): Strings<T> {
  return strings;
}

const STORAGE_KEY = "gala.language";

function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === "es" || saved === "en") return saved;
  } catch {
    /* storage disabled */
  }
  const preferred = typeof navigator === "undefined" ? "es" : navigator.language.slice(0, 2);
  return preferred === "en" ? "en" : "es";
}

interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
}

const LanguageContext = createContext<LanguageState>({ language: "es", setLanguage: () => {} });

export function LanguageProvider({ children, language: fixed }: { children: ReactNode; language?: Language }) {
  const [language, setState] = useState<Language>(fixed ?? initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    setState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* storage disabled */
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}

/** The strings of `strings` in the current language. */
export function useStrings<T>(strings: Strings<T>): T {
  return strings[useContext(LanguageContext).language];
}

/** "{n} of {total}" with `{name}` placeholders filled in. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
