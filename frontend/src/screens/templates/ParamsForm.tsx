// A form generated from a template's parameter schema (JSON Schema): one control per property,
// chosen by its type (text, long text, number, colour, yes/no, a list of choices) and an asset
// picker for `x-gala-asset` properties; each field shows the errors that point at it.
import { useId } from "react";
import type { FieldError } from "../../api/problem";
import type { components } from "../../api/schema";
import { FieldErrors } from "../../components/ErrorView";
import { Spinner } from "../../components/Spinner";
import { format, useStrings } from "../../i18n/i18n";
import strings from "./strings";

type Asset = components["schemas"]["Asset"];
type Schema = Record<string, unknown>;
export type Params = Record<string, unknown>;

const COLOR = /^\^#\[0-9A-Fa-f\]\{6\}\$$/;

function kindsOf(schema: Schema): string[] | null {
  const asset = schema["x-gala-asset"];
  if (typeof asset === "string") return [asset];
  if (Array.isArray(asset)) return asset.map(String);
  return null;
}

function typeOf(schema: Schema): string {
  const type = schema.type;
  if (Array.isArray(type)) return String(type.find((t) => t !== "null") ?? "string");
  return typeof type === "string" ? type : "string";
}

interface FieldProps {
  name: string;
  schema: Schema;
  value: unknown;
  onChange: (value: unknown) => void;
  errors: FieldError[];
  assets: Asset[] | undefined;
}

function Field({ name, schema, value, onChange, errors, assets }: FieldProps) {
  const s = useStrings(strings);
  const id = useId();
  const errorId = `${id}-errors`;
  const described = [schema.description ? `${id}-help` : "", errors.length ? errorId : ""].filter(Boolean).join(" ") || undefined;
  const common = { id, "aria-invalid": errors.length > 0 || undefined, "aria-describedby": described };
  const kinds = kindsOf(schema);
  const type = typeOf(schema);
  let control;
  if (kinds) {
    const usable = assets?.filter((a) => kinds.includes(a.kind)) ?? [];
    control = assets ? (
      <>
        <select {...common} value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.target.value || undefined)}>
          <option value="">{s.chooseAsset}</option>
          {usable.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.kind})
            </option>
          ))}
          {typeof value === "string" && value && !usable.some((a) => a.id === value) ? <option value={value}>{value}</option> : null}
        </select>
        {usable.length === 0 ? <span className="help">{format(s.noAssets, { kinds: kinds.join(", ") })}</span> : null}
      </>
    ) : (
      <Spinner label={s.loadingAssets} inline />
    );
  } else if (Array.isArray(schema.enum)) {
    control = (
      <select {...common} value={String(value ?? "")} onChange={(e) => onChange(schema.enum instanceof Array ? schema.enum.find((v) => String(v) === e.target.value) : e.target.value)}>
        {(schema.enum as unknown[]).map((v) => (
          <option key={String(v)} value={String(v)}>
            {String(v)}
          </option>
        ))}
      </select>
    );
  } else if (type === "boolean") {
    control = <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
  } else if (type === "number" || type === "integer") {
    control = (
      <input
        {...common}
        type="number"
        inputMode="decimal"
        min={schema.minimum as number | undefined}
        max={schema.maximum as number | undefined}
        step={(schema.multipleOf as number | undefined) ?? (type === "integer" ? 1 : "any")}
        value={typeof value === "number" ? value : ""}
        onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))}
      />
    );
  } else if (typeof schema.pattern === "string" && COLOR.test(schema.pattern)) {
    const text = typeof value === "string" ? value : "";
    control = (
      <span className="color-field">
        <input type="color" aria-label={name} value={/^#[0-9A-Fa-f]{6}$/.test(text) ? text : "#000000"} onChange={(e) => onChange(e.target.value)} tabIndex={-1} />
        <input {...common} type="text" value={text} onChange={(e) => onChange(e.target.value)} spellCheck={false} size={9} />
      </span>
    );
  } else if (type === "string" && ((schema.maxLength as number | undefined) ?? 1000) > 120) {
    control = <textarea {...common} rows={3} value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.target.value)} />;
  } else if (type === "string") {
    control = <input {...common} type="text" value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.target.value)} />;
  } else {
    // Objects and arrays: as JSON.
    control = (
      <textarea
        {...common}
        rows={3}
        defaultValue={JSON.stringify(value ?? null)}
        onChange={(e) => {
          try {
            onChange(JSON.parse(e.target.value));
          } catch {
            /* wait for valid JSON */
          }
        }}
      />
    );
  }
  return (
    <div className={errors.length ? "param invalid" : "param"}>
      <label htmlFor={id}>{(schema.title as string | undefined) ?? name}</label>
      {control}
      {schema.description ? (
        <span id={`${id}-help`} className="help">
          {String(schema.description)}
        </span>
      ) : null}
      <FieldErrors errors={errors} id={errorId} />
    </div>
  );
}

export function ParamsForm({
  schema,
  values,
  onChange,
  errors,
  assets,
}: {
  schema: Schema;
  values: Params;
  onChange: (values: Params) => void;
  errors: FieldError[];
  assets: Asset[] | undefined;
}) {
  const s = useStrings(strings);
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const names = Object.keys(properties);
  if (names.length === 0) return <p>{s.noParameters}</p>;
  return (
    <div className="params">
      {names.map((name) => (
        <Field
          key={name}
          name={name}
          schema={properties[name]!}
          value={values[name]}
          assets={assets}
          errors={errors.filter((e) => e.field === `/params/${name}` || e.field.startsWith(`/params/${name}/`))}
          onChange={(value) => {
            const next = { ...values };
            if (value === undefined) delete next[name];
            else next[name] = value;
            onChange(next);
          }}
        />
      ))}
    </div>
  );
}

export function needsAssets(schema: Schema): boolean {
  return Object.values((schema.properties ?? {}) as Record<string, Schema>).some((p) => kindsOf(p) !== null);
}
