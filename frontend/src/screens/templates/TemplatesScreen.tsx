import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router-dom";
import { Spinner } from "../../components/Spinner";
import { Gallery } from "./Gallery";
import { useStrings } from "../../i18n/i18n";
import strings from "./strings";

// The editor (and its validator, Ajv with the contract's schema) loads when a template is opened.
const Editor = lazy(() => import("./Editor").then((m) => ({ default: m.Editor })));

export default function TemplatesScreen() {
  const s = useStrings(strings);
  return (
    <Routes>
      <Route index element={<Gallery />} />
      <Route
        path=":id"
        element={
          <Suspense fallback={<Spinner label={s.loadingTemplate} />}>
            <Editor />
          </Suspense>
        }
      />
    </Routes>
  );
}
