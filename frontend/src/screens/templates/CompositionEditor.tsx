// The composition as JSON text, validated as it is typed against the contract's schema; every
// error is listed with its line and JSON pointer, and a button puts the caret on the field.
import { useMemo, useRef } from "react";
import type { FieldError } from "../../api/problem";
import { format, useStrings } from "../../i18n/i18n";
import { locate, locationOf, pointerOffsets, syntaxErrorOffset } from "./jsonLocate";
import strings from "./strings";
import { compositionErrors } from "./validate";

export interface Checked {
  value: unknown; // the parsed composition, or undefined when the JSON does not parse
  errors: FieldError[]; // under /composition
  syntax: string | null;
}

export function check(text: string): Checked {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { value: undefined, errors: [], syntax: error instanceof Error ? error.message : String(error) };
  }
  return { value, errors: compositionErrors(value).map((e) => ({ ...e, field: `/composition${e.field}` })), syntax: null };
}

export function CompositionEditor({
  text,
  onText,
  checked,
  serverErrors,
}: {
  text: string;
  onText: (text: string) => void;
  checked: Checked;
  serverErrors: FieldError[];
}) {
  const s = useStrings(strings);
  const area = useRef<HTMLTextAreaElement>(null);
  const offsets = useMemo(() => (checked.syntax ? null : pointerOffsets(text)), [text, checked.syntax]);
  const errors = [...checked.errors, ...serverErrors.filter((e) => e.field.startsWith("/composition"))];
  const listed = errors.map((e) => {
    const where = offsets ? locate(text, e.field.slice("/composition".length), offsets) : locationOf(text, 0);
    return { ...e, where };
  });
  const syntaxAt = checked.syntax ? locationOf(text, syntaxErrorOffset(checked.syntax, text) ?? 0) : null;
  const goTo = (offset: number) => {
    const el = area.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(offset, offset);
    const line = text.slice(0, offset).split("\n").length;
    el.scrollTop = Math.max(0, (line - 3) * parseFloat(getComputedStyle(el).lineHeight || "18"));
  };
  const invalid = checked.syntax !== null || errors.length > 0;
  return (
    <section className="card" aria-labelledby="composition-heading">
      <h2 id="composition-heading">{s.composition}</h2>
      <p id="composition-help" className="help">
        {s.compositionHelp}
      </p>
      <textarea
        ref={area}
        className="json"
        aria-labelledby="composition-heading"
        aria-describedby="composition-help composition-status"
        aria-invalid={invalid || undefined}
        spellCheck={false}
        rows={22}
        value={text}
        onChange={(e) => onText(e.target.value)}
      />
      <div id="composition-status" aria-live="polite" data-testid="composition-status">
        {checked.syntax && syntaxAt ? (
          <p className="fail">
            {format(s.invalidJson, { message: checked.syntax })}{" "}
            <button type="button" className="link" onClick={() => goTo(syntaxAt.offset)}>
              {format(s.goTo, { where: format(s.at, { line: syntaxAt.line, col: syntaxAt.col }) })}
            </button>
          </p>
        ) : errors.length ? (
          <>
            <p className="fail">{format(s.problems, { n: errors.length })}</p>
            <ul className="field-errors">
              {listed.map((e, i) => (
                <li key={i}>
                  <button type="button" className="link" onClick={() => goTo(e.where.offset)}>
                    {format(s.at, { line: e.where.line, col: e.where.col })}
                  </button>{" "}
                  <code>{e.field.slice("/composition".length) || "/"}</code>: {e.detail}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="ok">{s.valid}</p>
        )}
      </div>
    </section>
  );
}
