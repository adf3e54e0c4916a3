/**
 * `npm run bench [-- NAME…]`: every benchmark in turn, or the named ones; figures in bench/results/. Never part
 * of `npm test`.
 */
import { runFiguresBench } from "./figures.ts";
import { runMemoryBench } from "./memory.ts";
import { runPostgresBench } from "./postgres.ts";
import { runReminderBench } from "./reminders.ts";
import { runRulesBench } from "./rules.ts";
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
];
const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !BENCHES.some(([name]) => name === a));
if (unknown.length) {
  process.stdout.write(
    `Unknown benchmark ${unknown.join(", ")}; there are ${BENCHES.map(([n]) => n).join(", ")}\n`,
  );
  process.exit(2);
}
for (const [name, run] of BENCHES)
  if (asked.length === 0 || asked.includes(name)) {
    const rows = await run();
    if (rows.length) await report(name, rows);
  }
