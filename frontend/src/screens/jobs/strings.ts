import { defineStrings } from "../../i18n/i18n";

export default defineStrings({
  es: { title: "Trabajos" },
  en: { title: "Jobs" },
});
