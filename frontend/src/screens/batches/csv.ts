// CSV in the browser, only as far as the mapping needs: read the header and rows (RFC 4180:
// quoted fields, doubled quotes, CRLF or LF), then write the file again with its columns renamed
// to the template's parameters and the ignored ones left out. The server types the cells
// (POST /batch-uploads), so values stay text here.

export interface Table {
  header: string[];
  rows: string[][];
}

export function parseCsv(text: string): Table {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark is not part of the header
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const nonEmpty = records.filter((r) => !(r.length === 1 && r[0] === ""));
  const [header = [], ...rows] = nonEmpty;
  return { header: header.map((h) => h.trim()), rows };
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

export function writeCsv(table: Table): string {
  return [table.header, ...table.rows].map((r) => r.map(quote).join(",")).join("\r\n") + "\r\n";
}

/** What each CSV column becomes: a parameter's name, or null (left out). */
export type Mapping = (string | null)[];

/** Columns named like a parameter (ignoring case and spaces) map to it; the rest are left out. */
export function guessMapping(header: readonly string[], parameters: readonly string[]): Mapping {
  const norm = (s: string) => s.toLowerCase().replace(/[\s-]+/g, "_");
  return header.map((column) => parameters.find((p) => norm(p) === norm(column)) ?? null);
}

/** Parameters more than one column maps to (each must be mapped at most once). */
export function duplicateTargets(mapping: Mapping): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const target of mapping) {
    if (target === null) continue;
    if (seen.has(target)) twice.add(target);
    seen.add(target);
  }
  return [...twice];
}

export const BASENAME_FIELD = "_basename";

/** The table as uploaded: mapped columns renamed, the others dropped; the column chosen to name
 * the outputs (`basename`, an index) kept as `_basename` unless it is mapped to a parameter. */
export function remap(table: Table, mapping: Mapping, basename: number | null): { table: Table; basenameColumn: string | null } {
  const keep = mapping.map((target, i) => (target !== null ? i : -1)).filter((i) => i >= 0);
  const header = keep.map((i) => mapping[i]!);
  let basenameColumn: string | null = null;
  let extra: number | null = null;
  if (basename !== null) {
    const target = mapping[basename];
    if (target) basenameColumn = target;
    else {
      basenameColumn = BASENAME_FIELD;
      extra = basename;
      header.push(BASENAME_FIELD);
    }
  }
  const rows = table.rows.map((row) => {
    const out = keep.map((i) => row[i] ?? "");
    if (extra !== null) out.push(row[extra] ?? "");
    return out;
  });
  return { table: { header, rows }, basenameColumn };
}
