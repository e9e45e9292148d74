// The CSV the browser reads and writes back: quoting, line ends, the mapping to parameters.
import { describe, expect, it } from "vitest";
import { applyEvent, type BatchEvent } from "./BatchView";
import { BASENAME_FIELD, duplicateTargets, guessMapping, parseCsv, remap, writeCsv } from "./csv";

describe("parseCsv", () => {
  it("reads quoted fields, doubled quotes, CRLF and a byte-order mark", () => {
    const table = parseCsv('\ufeffTitle,Notes\r\n"Hola, mundo","say ""hi"""\r\nDos,\n\n');
    expect(table.header).toEqual(["Title", "Notes"]);
    expect(table.rows).toEqual([
      ["Hola, mundo", 'say "hi"'],
      ["Dos", ""],
    ]);
  });

  it("keeps a line break inside quotes and a last line without one", () => {
    expect(parseCsv('a,b\n"one\ntwo",3').rows).toEqual([["one\ntwo", "3"]]);
  });
});

describe("the mapping", () => {
  const table = parseCsv("Title,Colour,slug,notes\nUno,#123456,card-1,x\nDos,,card-2,y\n");

  it("guesses columns named like parameters and leaves the rest out", () => {
    expect(guessMapping(table.header, ["title", "color"])).toEqual(["title", null, null, null]);
    expect(guessMapping(["Main Title"], ["main_title"])).toEqual(["main_title"]);
  });

  it("names each parameter mapped twice", () => {
    expect(duplicateTargets(["title", "title", null, "color"])).toEqual(["title"]);
  });

  it("renames mapped columns, drops the others, and keeps the naming column apart", () => {
    const { table: out, basenameColumn } = remap(table, ["title", "color", null, null], 2);
    expect(basenameColumn).toBe(BASENAME_FIELD);
    expect(out.header).toEqual(["title", "color", BASENAME_FIELD]);
    expect(out.rows).toEqual([
      ["Uno", "#123456", "card-1"],
      ["Dos", "", "card-2"],
    ]);
    expect(parseCsv(writeCsv(out))).toEqual(out);
  });

  it("names outputs by a parameter when the naming column is mapped", () => {
    expect(remap(table, ["title", null, null, null], 0).basenameColumn).toBe("title");
    expect(remap(table, ["title", null, null, null], null).basenameColumn).toBeNull();
  });

  it("writes values that need quotes with quotes", () => {
    expect(writeCsv({ header: ["a"], rows: [['x, "y"'], [" pad"]] })).toBe('a\r\n"x, ""y"""\r\n" pad"\r\n');
  });
});

describe("live rows", () => {
  const job = { id: "j1", status: "queued", stage: null, progress: 0 } as unknown as Parameters<typeof applyEvent>[0][number];
  it("applies a row's event to its row and ignores the batch's own", () => {
    const event: BatchEvent = { kind: "progress", job_id: "j1", batch_id: "b", status: "rendering", stage: "render", progress: 40 };
    expect(applyEvent([job], event)[0]).toMatchObject({ status: "rendering", stage: "render", progress: 40 });
    expect(applyEvent([job], { ...event, kind: "batch.done", job_id: "b", status: "done" })[0]).toBe(job);
  });
});
