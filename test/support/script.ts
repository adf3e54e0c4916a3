import { parseClock } from "../../adapters/console/session.ts";

/** One step of a console script: who types a line, or the clock moves. Comments and blank lines are left out. */
export type ScriptStep =
  | { kind: "line"; actor: string; line: string; conversation: string }
  | { kind: "clock"; at: Date };

/** A console script (`@as`, `@clock`, `@gesprek`, command lines) as steps, read as the console reads it. */
export function scriptSteps(lines: Iterable<string>, firstActor = "anna"): ScriptStep[] {
  const steps: ScriptStep[] = [];
  let actor = firstActor;
  let conversation = "console";
  for (const raw of lines) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const directive = /^@(as|clock|gesprek)\s+(.*)$/.exec(line);
    if (directive?.[1] === "as") actor = (directive[2] as string).toLowerCase();
    else if (directive?.[1] === "gesprek") conversation = (directive[2] as string).toLowerCase();
    else if (directive?.[1] === "clock") {
      const at = parseClock(directive[2] as string);
      if (!at) throw new Error(`not a time: ${line}`);
      steps.push({ kind: "clock", at });
    } else steps.push({ kind: "line", actor, line, conversation });
  }
  return steps;
}
