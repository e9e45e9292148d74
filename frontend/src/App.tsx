// The shell: skip link, navigation built from routes.tsx, language switch, and the screen.
import { Suspense } from "react";
import { BrowserRouter, Navigate, NavLink, Route, Routes } from "react-router-dom";
import { Spinner } from "./components/Spinner";
import { LANGUAGES, useLanguage, useStrings, type Language } from "./i18n/i18n";
import { shared } from "./i18n/shared";
import { HOME, screens, type Screen } from "./routes";

function NavItem({ screen }: { screen: Screen }) {
  const s = useStrings(screen.strings);
  return (
    <li>
      <NavLink to={`/${screen.path}`}>{s.title}</NavLink>
    </li>
  );
}

function LanguageSwitch() {
  const s = useStrings(shared);
  const { language, setLanguage } = useLanguage();
  return (
    <label className="language">
      <span className="visually-hidden">{s.language}</span>
      <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {s.languages[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

function NotFound() {
  return <p>{useStrings(shared).notFound}</p>;
}

export function Shell() {
  const s = useStrings(shared);
  return (
    <>
      <a className="skip-link" href="#main">
        {s.skipToContent}
      </a>
      <header className="topbar">
        <span className="brand">{s.appName}</span>
        <nav aria-label={s.mainNav}>
          <ul>
            {screens.map((screen) => (
              <NavItem key={screen.path} screen={screen} />
            ))}
          </ul>
        </nav>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Spinner label={s.loading} />}>
          <Routes>
            <Route index element={<Navigate to={`/${HOME}`} replace />} />
            {screens.map(({ path, component: Component }) => (
              <Route key={path} path={`${path}/*`} element={<Component />} />
            ))}
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </main>
    </>
  );
}

export function App() {
  return (
    <BrowserRouter basename="/studio">
      <Shell />
    </BrowserRouter>
  );
}
