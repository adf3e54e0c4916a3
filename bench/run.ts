/** `npm run bench`: every benchmark in turn; figures in bench/results/. Never part of `npm test`. */
import { runRulesBench } from "./rules.ts";
import { report } from "./support.ts";

await report("rules", runRulesBench());
