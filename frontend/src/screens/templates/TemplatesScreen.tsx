import { ComingSoon } from "../../components/ComingSoon";
import strings from "./strings";

export default function TemplatesScreen() {
  return <ComingSoon strings={strings} />;
}
