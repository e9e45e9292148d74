import { defineStrings } from "../../i18n/i18n";

export default defineStrings({
  es: { title: "Lotes" },
  en: { title: "Batches" },
});
