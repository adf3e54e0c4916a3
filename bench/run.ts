/** `npm run bench`: every benchmark in turn; figures in bench/results/. Never part of `npm test`. */
import { runReminderBench } from "./reminders.ts";
import { runRulesBench } from "./rules.ts";
import { report } from "./support.ts";

await report("rules", runRulesBench());
await report("reminders", runReminderBench());
