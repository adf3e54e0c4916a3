import { mkdir, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { join } from "node:path";
import { makeUseCases } from "../src/app/index.ts";
import { backgroundQueue } from "../src/infra/background.ts";
import { calendarCache } from "../src/infra/calendars.ts";
import { SettableClock } from "../src/infra/clock.ts";
import { hmacPseudonymizer } from "../src/infra/pseudonymizer.ts";
import type { Store } from "../src/ports.ts";

export interface Row {
  id: string;
  what: string;
  value: number;
  unit: string;
  budget: string;
  ok: boolean;
}

/** Deterministic data: the same tables every run (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `work` `runs` times after one warm-up; the result is kept so the work cannot be optimised away. */
export function time<T>(runs: number, work: (i: number) => T, warmups = 1): { ms: number[]; last: T } {
  let last = work(-1);
  for (let i = 1; i < warmups; i++) last = work(-1 - i);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    last = work(i);
    ms.push(performance.now() - start);
  }
  return { ms, last };
}

export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

export const percentile = (xs: readonly number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
};

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(3));

/** Prints a table and writes `bench/results/<name>.json` and `.md`. */
export async function report(name: string, rows: Row[]) {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}`;
  const lines = [
    `| id | what | result | budget | |`,
    `|---|---|---|---|---|`,
    ...rows.map(
      (r) => `| ${r.id} | ${r.what} | ${fmt(r.value)} ${r.unit} | ${r.budget} | ${r.ok ? "ok" : "OVER"} |`,
    ),
  ];
  const dir = join(import.meta.dirname, "results");
  await mkdir(dir, { recursive: true });
  const at = new Date().toISOString();
  await writeFile(join(dir, `${name}.json`), `${JSON.stringify({ name, at, machine, rows }, null, 2)}\n`);
  await writeFile(join(dir, `${name}.md`), `# ${name} (${at})\n\n${machine}\n\n${lines.join("\n")}\n`);
  process.stdout.write(`\n${name} — ${machine}\n${lines.join("\n")}\n`);
}

/** The use cases on a store, as the bot wires them, with a still clock and nothing sent anywhere. */
export function benchUseCases(store: Store) {
  const silent = { info() {}, error() {} };
  const clock = new SettableClock(new Date("2026-11-23T09:00:00Z"));
  const notifier = { caseNotices: async () => {}, deliver: async () => {} };
  const use = makeUseCases({
    store,
    clock,
    pseudonymizer: hmacPseudonymizer(Buffer.alloc(32, 7)),
    calendars: calendarCache(),
    background: backgroundQueue(silent),
    notifier,
  });
  return { use, store, clock, logger: silent, defaultLanguage: "nl" as const };
}

/** The school days before the scale run's Monday (7 December 2026), as a signal's date is typed. */
const SCHOOL_DAYS = [2, 9, 16, 23, 30].flatMap((monday) =>
  [0, 1, 2, 3, 4].map((d) => {
    const day = new Date(Date.UTC(2026, 10, monday + d));
    return `${day.getUTCDate()}-${day.getUTCMonth() + 1}`;
  }),
);

/** `i` in letters: a number in an agreement's text is refused as what may be a pupil's number. */
const letters = (i: number) =>
  [...i.toString(26)].map((d) => String.fromCharCode(97 + parseInt(d, 26))).join("");

/**
 * The command mix of the latency benchmarks (B1, B6): a signal, a case card, an agreement, on cases spread out. With
 * `writes`, each signal and agreement differs from the others of the run (a school day drawn, an agreement named
 * by `i`), so it is written and not asked about as a duplicate: the scale run compares tables with as many writes.
 */
export function commandMix(i: number, cases: number, writes = false): string {
  const c = 1 + ((i * 37) % cases);
  // The day is drawn apart from the case: each case's signals can fall on any of the days.
  const day = writes ? SCHOOL_DAYS[Math.floor(i / (3 * cases)) % SCHOOL_DAYS.length] : "20-11";
  return i % 3 === 0
    ? `signaal C-${c} ongeoorloofd 1 ${day}`
    : i % 3 === 1
      ? `casus C-${c}`
      : `actie C-${c} @m4 vrijdag "Gesprek plannen${writes ? ` ${letters(i)}` : ""}"`;
}

/** The V8 flags of `npm start` and `npm run console`, from package.json, for a benchmark's own processes. */
export async function nodeFlags(): Promise<string[]> {
  const pkg = await import("../package.json", { with: { type: "json" } });
  const scripts = (pkg.default as { scripts: Record<string, string> }).scripts;
  return (scripts.console ?? "").split(" ").filter((w) => w.startsWith("--"));
}
