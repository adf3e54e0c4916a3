import { open, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { linesOf } from "../../src/store/lowdb/lines.ts";
import { framedReader, readSnapshot, snapshotLines, writeSnapshot } from "../../src/store/lowdb/snapshot.ts";
import { tempDir } from "../support/harness.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
async function file() {
  const d = await tempDir();
  cleanups.push(d.remove);
  return join(d.path, "t.json");
}

/** A table-like document: parts and lists of records, with whatever keys and strings JSON allows. */
const tableLike = fc.dictionary(
  fc.string(),
  fc.oneof(
    fc.jsonValue(),
    fc.constant(undefined),
    fc.array(fc.oneof(fc.dictionary(fc.string(), fc.jsonValue()), fc.constant(undefined)), { maxLength: 5 }),
  ),
);

describe("a table's snapshot, a line at a time", () => {
  it("is one JSON document that reads back as it was written, whatever its keys and strings", async () => {
    const path = await file();
    await fc.assert(
      fc.asyncProperty(tableLike, async (doc) => {
        const bytes = await writeSnapshot(path, doc);
        const text = await readFile(path, "utf8");
        const asJson = JSON.parse(JSON.stringify(doc));
        expect(JSON.parse(text)).toEqual(asJson);
        expect(bytes).toBe((await stat(path)).size);
        expect(await readSnapshot(path)).toEqual(asJson);
        // …and line by line, not by falling back to reading it whole.
        const reader = framedReader();
        expect(text.split("\n").every((line) => reader.line(line))).toBe(true);
        expect(reader.table()).toEqual(asJson);
      }),
      { numRuns: 150 },
    );
  });

  it("puts each element of a list on its own line", () => {
    const lines = [...snapshotLines({ schemaVersion: 5, cases: [{ id: "C-1" }, { id: "C-2" }], audit: [] })];
    expect(lines).toEqual([
      "{",
      '"schemaVersion":5,',
      '"cases":[',
      '{"id":"C-1"},',
      '{"id":"C-2"}',
      "],",
      '"audit":[',
      "]",
      "}",
    ]);
  });

  it("reads characters of several bytes that a read of the file cuts in two", async () => {
    const path = await file();
    // Lines far longer than a read of the stream, full of three- and four-byte characters.
    const notes = Array.from({ length: 40 }, (_, i) => `${"é€😀".repeat(9_000 + i)}`);
    const doc = { cases: notes.map((note, i) => ({ id: `C-${i}`, note })) };
    await writeSnapshot(path, doc);
    expect(await readSnapshot(path)).toEqual(doc);
  });

  it("keeps a key named __proto__ a key, as JSON.parse does", async () => {
    const path = await file();
    await writeFile(path, '{\n"__proto__":{"x":1},\n"cases":[\n{"__proto__":2}\n]\n}\n');
    const doc = (await readSnapshot(path)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
    expect(Object.keys(doc)).toEqual(["__proto__", "cases"]);
    expect(JSON.stringify(doc)).toBe('{"__proto__":{"x":1},"cases":[{"__proto__":2}]}');
  });

  it("reads an older Tafel's snapshot on one line, and one edited by hand", async () => {
    const path = await file();
    const doc = { schemaVersion: 5, cases: [{ id: "C-1", signals: [] }], audit: [] };
    await writeFile(path, JSON.stringify(doc));
    expect(await readSnapshot(path)).toEqual(doc);
    await writeFile(path, JSON.stringify(doc, null, 2));
    expect(await readSnapshot(path)).toEqual(doc);
  });

  it("refuses a damaged snapshot as JSON.parse would, and says there is none when there is none", async () => {
    const path = await file();
    await writeSnapshot(path, { schemaVersion: 5, cases: [{ id: "C-1" }, { id: "C-2" }], audit: [] });
    const text = await readFile(path, "utf8");
    for (const damaged of [
      text.slice(0, text.length - 10),
      text.replace('{"id":"C-1"},', '{"id":"C-1"}'),
      text.replace('"schemaVersion":5,', '"schemaVersion":5'),
      text.replace("],\n", "]\n"),
      `${text}x\n`,
      "{\n",
      "[]",
    ]) {
      const reader = framedReader();
      expect(damaged.split("\n").every((line) => reader.line(line)) && reader.table()).toBeFalsy();
      await writeFile(path, damaged);
      await expect(readSnapshot(path), damaged.slice(0, 40)).rejects.toThrow(SyntaxError);
    }
    expect(await readSnapshot(join(path, "..", "none.json"))).toBeNull();
  });

  it("gives a file's lines as written: longer than a read, of several bytes, the last without a newline", async () => {
    const path = await file();
    const lines = ["", "kort", "😀".repeat(40_000), "", `${"ë".repeat(70_000)}x`, "torn"];
    await writeFile(path, lines.join("\n"));
    const handle = await open(path, "r");
    const read: string[] = [];
    for await (const batch of linesOf(handle)) read.push(...batch);
    await handle.close();
    expect(read).toEqual(lines);
    await writeFile(path, "a\nb\n");
    const again = await open(path, "r");
    const twoLines: string[] = [];
    for await (const batch of linesOf(again)) twoLines.push(...batch);
    await again.close();
    expect(twoLines).toEqual(["a", "b"]);
  });
});
