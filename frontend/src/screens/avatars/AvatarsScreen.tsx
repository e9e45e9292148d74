import { ComingSoon } from "../../components/ComingSoon";
import strings from "./strings";

export default function AvatarsScreen() {
  return <ComingSoon strings={strings} />;
}
