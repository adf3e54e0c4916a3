/**
 * `npm run bench [-- NAME…]`: every benchmark in turn (but `scale`, which runs only when named), or the named ones;
 * figures in bench/results/. Never part of `npm test`.
 */
import { runFiguresBench } from "./figures.ts";
import { runMemoryBench } from "./memory.ts";
import { runPostgresBench } from "./postgres.ts";
import { runReminderBench } from "./reminders.ts";
import { runRulesBench } from "./rules.ts";
import { runScaleBench } from "./scale.ts";
import { runSizeBench } from "./size.ts";
import { runAckBench } from "./slack-ack.ts";
import { type Row, report } from "./support.ts";
import { runWriteBench } from "./write-cost.ts";
import { runYearsBench } from "./years.ts";

// B1 first: its memory figure (B5) should not carry the other benchmarks' data.
const BENCHES: Array<[string, () => Row[] | Promise<Row[]>]> = [
  ["ack", runAckBench],
  ["write-cost", runWriteBench],
  ["rules", runRulesBench],
  ["reminders", runReminderBench],
  ["postgres", runPostgresBench],
  ["years", runYearsBench],
  ["size", runSizeBench],
  ["figures", runFiguresBench],
  ["memory", runMemoryBench],
  // Last, and long (two runs of ten minutes of commands): issue #32's scale run, only when named.
  ["scale", runScaleBench],
];
const ONLY_WHEN_NAMED = new Set(["scale"]);
const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !BENCHES.some(([name]) => name === a));
if (unknown.length) {
  process.stdout.write(
    `Unknown benchmark ${unknown.join(", ")}; there are ${BENCHES.map(([n]) => n).join(", ")}\n`,
  );
  process.exit(2);
}
for (const [name, run] of BENCHES)
  if (asked.includes(name) || (asked.length === 0 && !ONLY_WHEN_NAMED.has(name))) {
    const rows = await run();
    if (rows.length) await report(name, rows);
  }
