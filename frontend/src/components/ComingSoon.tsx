// A screen that is not built yet: its title and a note. Replace the screen's component with the real one.
import { useStrings, type Strings } from "../i18n/i18n";
import { shared } from "../i18n/shared";

export function ComingSoon({ strings }: { strings: Strings<{ title: string }> }) {
  const s = useStrings(strings);
  return (
    <section aria-labelledby="screen-title">
      <h1 id="screen-title">{s.title}</h1>
      <p>{useStrings(shared).comingSoon}</p>
    </section>
  );
}
