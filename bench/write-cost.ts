/**
 * B2: bytes written per command, with 1 and with 50 tables in the deployment (must be flat), beside a naive
 * lowdb store keeping every table in one file and rewriting it on each command.
 * Counted as the bytes the process hands to write(2) (`wchar` in /proc/self/io), around the commands only.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Low } from "lowdb";
import { JSONFile } from "lowdb/node";
import { dispatch } from "../commands/dispatch.ts";
import type { TableDoc } from "../src/core/model.ts";
import { openFileStore } from "../src/store/lowdb/store.ts";
import { generateTable, MEMBER_IDS } from "./generate.ts";
import { benchUseCases, type Row } from "./support.ts";

const COMMANDS = 200;

async function written(): Promise<number> {
  const io = await readFile("/proc/self/io", "utf8");
  return Number(/wchar: (\d+)/.exec(io)?.[1] ?? 0);
}

const line = (i: number) =>
  i % 3 === 0
    ? `signaal C-${1 + (i % 100)} ongeoorloofd 1 20-11`
    : i % 3 === 1
      ? `casus C-${1 + (i % 100)}`
      : `actie C-${1 + (i % 100)} @m4 vrijdag "Gesprek plannen"`;

async function tafel(tables: number): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), "tafel-b2-"));
  const store = await openFileStore(dir);
  for (let t = 0; t < tables; t++)
    await store.create(generateTable({ id: `t${t}`, conversation: `c${t}`, cases: 100, seed: t + 1 }));
  const deps = benchUseCases(store);
  const before = await written();
  for (let i = 0; i < COMMANDS; i++)
    await dispatch(deps, {
      text: line(i),
      actor: { id: MEMBER_IDS[1] as string, handle: "m1" },
      conversation: "c0",
      correlationId: `b${i}`,
    });
  const bytes = (await written()) - before;
  await store.close();
  await rm(dir, { recursive: true, force: true });
  return bytes / COMMANDS;
}

/** The naive store: every table in one lowdb file, the whole file rewritten for each change. */
async function naive(tables: number): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), "tafel-b2n-"));
  const db = new Low<{ tables: TableDoc[] }>(new JSONFile(join(dir, "db.json")), { tables: [] });
  for (let t = 0; t < tables; t++)
    db.data.tables.push(generateTable({ id: `t${t}`, conversation: `c${t}`, cases: 100, seed: t + 1 }));
  await db.write();
  const before = await written();
  for (let i = 0; i < COMMANDS; i++) {
    const doc = db.data.tables[0] as TableDoc;
    doc.audit.push({
      at: "2026-11-23T09:00:00.000Z",
      actor: "m1",
      event: "casus.bekeken",
      caseId: `C-${1 + (i % 100)}`,
      subject: null,
    });
    await db.write();
  }
  const bytes = (await written()) - before;
  await rm(dir, { recursive: true, force: true });
  return bytes / COMMANDS;
}

export async function runWriteBench(): Promise<Row[]> {
  const [one, fifty, naiveOne, naiveFifty] = [
    await tafel(1),
    await tafel(50),
    await naive(1),
    await naive(50),
  ];
  const kb = (n: number) => n / 1024;
  return [
    {
      id: "B2.1",
      what: "bytes written per command, 1 table (100 cases)",
      value: kb(one),
      unit: "KiB",
      budget: "",
      ok: true,
    },
    {
      id: "B2.50",
      what: "… with 50 tables in the deployment",
      value: kb(fifty),
      unit: "KiB",
      budget: "flat",
      ok: fifty <= one * 1.1,
    },
    {
      id: "B2.naive.1",
      what: "naive single-file lowdb, 1 table",
      value: kb(naiveOne),
      unit: "KiB",
      budget: "baseline",
      ok: true,
    },
    {
      id: "B2.naive.50",
      what: "naive single-file lowdb, 50 tables",
      value: kb(naiveFifty),
      unit: "KiB",
      budget: "baseline",
      ok: true,
    },
    {
      id: "B2.ratio",
      what: "naive ÷ Tafel at 50 tables",
      value: naiveFifty / fifty,
      unit: "×",
      budget: "",
      ok: naiveFifty > fifty,
    },
  ];
}
