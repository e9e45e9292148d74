import { ComingSoon } from "../../components/ComingSoon";
import strings from "./strings";

export default function AssetsScreen() {
  return <ComingSoon strings={strings} />;
}
