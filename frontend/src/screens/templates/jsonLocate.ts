// Where a JSON pointer's value starts in a JSON text, so that a schema error (Ajv's instancePath,
// or a problem's pointer from the API) is shown at its line. A small scanner over valid JSON.

export interface Location {
  offset: number;
  line: number; // 1-based
  col: number; // 1-based
}

function escapeToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Every value's start offset, by JSON pointer ("" is the whole document). */
export function pointerOffsets(text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const string = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (pointer: string): void => {
    ws();
    offsets.set(pointer, i);
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        const key = string();
        ws();
        i++; // colon
        value(`${pointer}/${escapeToken(key)}`);
        ws();
        if (text[i++] === "}") return;
      }
    } else if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        value(`${pointer}/${n}`);
        ws();
        if (text[i++] === "]") return;
      }
    } else if (c === '"') {
      string();
    } else {
      while (i < text.length && !",]} \t\n\r".includes(text[i]!)) i++;
    }
  };
  value("");
  return offsets;
}

export function locationOf(text: string, offset: number): Location {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { offset, line, col: offset - before.lastIndexOf("\n") };
}

/** The location of `pointer`'s value, or of its nearest existing parent (a missing property). */
export function locate(text: string, pointer: string, offsets = pointerOffsets(text)): Location {
  let at = pointer;
  while (!offsets.has(at) && at !== "") at = at.slice(0, at.lastIndexOf("/"));
  return locationOf(text, offsets.get(at) ?? 0);
}

/** The offset named by a JSON.parse error message ("… at position 42 …"), if any. */
export function syntaxErrorOffset(error: unknown, text: string): number | null {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (!lineCol) return null;
  const lines = text.split("\n").slice(0, Number(lineCol[1]) - 1);
  return lines.reduce((sum, l) => sum + l.length + 1, 0) + Number(lineCol[2]) - 1;
}
