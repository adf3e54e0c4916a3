import { type FileHandle, readFile } from "node:fs/promises";
import type { Adapter } from "lowdb";
import type { TableDoc } from "../../core/model.ts";
import { sharer } from "../share.ts";
import { linesOf, openIfThere } from "./lines.ts";
import { writeVerified } from "./verified-write.ts";

/**
 * A table's snapshot is JSON with one part of the table per line and one element of each list per line:
 *
 *     {
 *     "schemaVersion":5,
 *     "cases":[
 *     {"id":"C-1",…},
 *     {"id":"C-2",…}
 *     ],
 *     …
 *     }
 *
 * It is still one JSON document (a backup, a restore and `npm run store -- check` read it whole), but it is
 * written and read a line at a time: a 10,000-case table (58 MB) is never one string beside its objects, which
 * held the table in memory about twice more while it was read or written. A snapshot of an older Tafel is one
 * line, and is read whole.
 */
export function* snapshotLines(doc: object): Generator<string> {
  yield "{";
  // As JSON.stringify: a part that is undefined is left out, an element that is undefined is null.
  const entries = Object.entries(doc).filter(([, value]) => value !== undefined);
  for (const [i, [key, value]] of entries.entries()) {
    const more = i < entries.length - 1 ? "," : "";
    if (!Array.isArray(value)) {
      yield `${JSON.stringify(key)}:${JSON.stringify(value)}${more}`;
      continue;
    }
    yield `${JSON.stringify(key)}:[`;
    for (const [j, element] of value.entries())
      yield `${JSON.stringify(element) ?? "null"}${j < value.length - 1 ? "," : ""}`;
    yield `]${more}`;
  }
  yield "}";
}

/** A value of the snapshot's own JSON on one line, and whether a comma follows it. */
function lineValue(text: string, share: (value: unknown) => unknown): [unknown, boolean] {
  const more = text.endsWith(",");
  return [share(JSON.parse(more ? text.slice(0, -1) : text)), more];
}

/** `"key":rest` split after the key, which is itself JSON (so a key with a colon or a quote is read right). */
function keyAndRest(line: string): [string, string] {
  const m = /^("(?:[^"\\]|\\.)*"):/.exec(line);
  if (!m) throw new SyntaxError("not a part");
  return [JSON.parse(m[1] as string) as string, line.slice(m[0].length)];
}

/** Takes a snapshot's lines one by one and puts the table together; `line` says false at what is not the framing. */
export function framedReader() {
  const doc: Record<string, unknown> = {};
  // Own data properties, as JSON.parse makes them: a key such as `__proto__` in a damaged file stays a key.
  const put = (key: string, value: unknown) =>
    Object.defineProperty(doc, key, { value, enumerable: true, writable: true, configurable: true });
  const share = sharer();
  let list: unknown[] | null = null;
  // What the last line promised: another part or element after a comma, else the end of its list or table.
  let more = true;
  let state: "start" | "parts" | "end" = "start";
  const take = (line: string): boolean => {
    if (state === "start") {
      state = "parts";
      return line === "{";
    }
    if (state === "end") return line.trim() === "";
    if (list && (line === "]" || line === "],")) {
      if (more && list.length > 0) return false;
      [list, more] = [null, line === "],"];
    } else if (list) {
      if (!more) return false;
      let element: unknown;
      [element, more] = lineValue(line, share);
      list.push(element);
    } else if (line === "}") {
      if (more && Object.keys(doc).length > 0) return false;
      state = "end";
    } else {
      if (!more) return false;
      const [key, rest] = keyAndRest(line);
      if (rest === "[") {
        const elements: unknown[] = [];
        put(key, elements);
        [list, more] = [elements, true];
      } else {
        let value: unknown;
        [value, more] = lineValue(rest, share);
        put(key, value);
      }
    }
    return true;
  };
  return {
    line(line: string): boolean {
      try {
        return take(line);
      } catch (e) {
        if (e instanceof SyntaxError) return false;
        throw e;
      }
    },
    table: () => (state === "end" ? doc : null),
  };
}

/** The table in a framed snapshot, or null when the file is not one (an older Tafel's, or edited by hand). */
async function readFramed(file: FileHandle): Promise<Record<string, unknown> | null> {
  const reader = framedReader();
  for await (const lines of linesOf(file)) for (const line of lines) if (!reader.line(line)) return null;
  return reader.table();
}

/**
 * A snapshot as a plain object, read a line at a time; null when there is none. A file that is not in the
 * framing above (an older Tafel's single line, or one edited by hand) is read whole, so it means what JSON
 * means and damage is refused as JSON.parse refuses it.
 */
export async function readSnapshot(path: string): Promise<Record<string, unknown> | null> {
  const head = Buffer.alloc(2);
  const file = await openIfThere(path, "r");
  if (!file) return null;
  try {
    // An older Tafel's snapshot is one line: read whole at once, not gathered chunk by chunk.
    const framed =
      (await file.read(head, 0, 2, 0)).bytesRead === 2 && head.toString() === "{\n"
        ? await readFramed(file)
        : null;
    if (framed) return framed;
    const whole = JSON.parse(await readFile(path, "utf8")) as unknown;
    if (typeof whole !== "object" || whole === null || Array.isArray(whole))
      throw new SyntaxError(`${path} is not a table`);
    return whole as Record<string, unknown>;
  } finally {
    await file.close();
  }
}

/** A snapshot that reads as JSON but is no table (`{}`, a file edited by hand): the start names it and the repair. */
export class SnapshotDamaged extends Error {
  readonly code = "ESNAPSHOT";
  constructor(path: string) {
    super(
      `snapshot ${path} is missing or not a table: run \`npm run store -- repair\` on the data directory (it rebuilds the table from its newest backup and journal)`,
    );
  }
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" && x !== null && !Array.isArray(x);

/**
 * Whether a snapshot has what every schema's table has, so replaying a journal onto it and migrating it cannot
 * fail half-way: the table and its id, the counters, and the collections every version kept.
 */
export function tableShaped(doc: Record<string, unknown>): boolean {
  return (
    // The first documents had no version: version 0, which the migrations take up.
    (doc.schemaVersion === undefined || typeof doc.schemaVersion === "number") &&
    isObject(doc.table) &&
    typeof doc.table.id === "string" &&
    isObject(doc.counters) &&
    ["members", "cases", "actions", "decisions", "audit"].every((k) => Array.isArray(doc[k]))
  );
}

/** A snapshot that must be there and be a table: the start names a missing or damaged one, and the repair. */
export async function readStoredSnapshot(path: string): Promise<Record<string, unknown>> {
  const doc = await readSnapshot(path).catch((e) => {
    throw e instanceof SyntaxError ? new SnapshotDamaged(path) : e;
  });
  if (!doc || !tableShaped(doc)) throw new SnapshotDamaged(path);
  return doc;
}

function* snapshotText(doc: object): Generator<string> {
  for (const line of snapshotLines(doc)) yield `${line}\n`;
}

/** Writes a snapshot a line at a time (writeVerified: checked, synced, renamed into place). */
export async function writeSnapshot(path: string, doc: object): Promise<number> {
  return writeVerified(path, snapshotText(doc));
}

/** lowdb's adapter for a table's snapshot; the store validates and migrates what it reads. */
export class SnapshotFile implements Adapter<TableDoc> {
  private readonly path: string;
  /** Size of the last snapshot written, so the store can tell when its journal has outgrown it. */
  bytes = 0;

  constructor(path: string) {
    this.path = path;
  }

  async read(): Promise<TableDoc | null> {
    return (await readSnapshot(this.path)) as TableDoc | null;
  }

  async write(doc: TableDoc): Promise<void> {
    this.bytes = await writeSnapshot(this.path, doc);
  }
}
