import { ComingSoon } from "../../components/ComingSoon";
import strings from "./strings";

export default function BatchesScreen() {
  return <ComingSoon strings={strings} />;
}
