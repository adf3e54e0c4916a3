import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Outcome } from "../../commands/types.ts";
import { harness } from "./harness.ts";
import { scriptSteps } from "./script.ts";

export interface Step {
  actor: string;
  line: string;
  out: Outcome;
}

/**
 * Replays a console script (`examples/…`) through the dispatcher as the console does: `@as`, `@clock`, and `ja`
 * after a question. Returns each step's outcome and the store, so a test checks what happened, not the words.
 */
export async function replay(script: string) {
  const h = await harness();
  const steps: Step[] = [];
  let pending: string | undefined;
  const source = readFileSync(join(import.meta.dirname, "../..", script), "utf8");
  for (const step of scriptSteps(source.split("\n"))) {
    if (step.kind === "clock") {
      h.clock.set(step.at);
      continue;
    }
    const { actor, line, conversation } = step;
    const out = await h.say(actor, line === "ja" && pending ? pending : line, conversation);
    pending = out.confirm;
    steps.push({ actor, line, out });
  }
  await h.background.idle();
  const at = (line: string): Outcome => {
    const found = steps.filter((s) => s.line === line);
    if (found.length !== 1) throw new Error(`${script}: ${found.length} steps "${line}"`);
    return (found[0] as Step).out;
  };
  return {
    steps,
    at,
    store: h.store,
    notified: h.notified,
    doc: (table = "console") => h.store.read(table),
  };
}
