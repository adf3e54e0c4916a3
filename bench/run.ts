/** `npm run bench`: every benchmark in turn; figures in bench/results/. Never part of `npm test`. */
import { runReminderBench } from "./reminders.ts";
import { runRulesBench } from "./rules.ts";
import { runAckBench } from "./slack-ack.ts";
import { report } from "./support.ts";
import { runWriteBench } from "./write-cost.ts";

// B1 first: its memory figure (B5) should not carry the other benchmarks' data.
await report("ack", await runAckBench());
await report("write-cost", await runWriteBench());
await report("rules", runRulesBench());
await report("reminders", runReminderBench());
