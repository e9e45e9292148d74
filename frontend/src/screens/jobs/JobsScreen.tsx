import { ComingSoon } from "../../components/ComingSoon";
import strings from "./strings";

export default function JobsScreen() {
  return <ComingSoon strings={strings} />;
}
