import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { harness, text } from "../support/harness.ts";
import { scriptSteps } from "../support/script.ts";

/** The member guide's examples, in order: every ```tafel block of docs/gebruikershandleiding.md. */
const guide = readFileSync(join(import.meta.dirname, "../../docs/gebruikershandleiding.md"), "utf8");
const lines = [...guide.matchAll(/```tafel\n([\s\S]*?)```/g)].flatMap((m) => (m[1] as string).split("\n"));

describe("the member guide", () => {
  it("has examples for every command, and each one works as the guide says", async () => {
    const h = await harness();
    const failed: string[] = [];
    const used = new Set<string>();
    // As the console: `ja` after a question carries it out, `nee` (or any other line) drops it.
    let pending: string | undefined;
    const asked: string[] = [];
    let last = "anna";
    for (const step of scriptSteps(lines)) {
      if (step.kind === "clock") {
        pending = undefined;
        h.clock.set(step.at);
        continue;
      }
      const { actor, line, conversation } = step;
      // As in the console, `@as` drops a question too.
      if (actor !== last) pending = undefined;
      last = actor;
      if ((line === "ja" || line === "nee") && !pending) asked.push(`${actor}> ${line}: geen vraag`);
      const out = await h.say(actor, line === "ja" && pending ? pending : line, conversation);
      pending = out.confirm;
      used.add(line.split(" ")[0] as string);
      if (out.reply.error) failed.push(`${actor}> ${line}: ${text(out)}`);
    }
    expect(failed).toEqual([]);
    expect(asked).toEqual([]);
    const { COMMANDS } = await import("../../commands/registry.ts");
    const named = new Set(COMMANDS.flatMap((c) => [c.name, ...c.aliases]));
    const missing = COMMANDS.map((c) => c.name).filter(
      (name) =>
        !used.has(name) && !["help", "vervalt", "wijzig", "spreekuur-boeken", "om-uitkomst"].includes(name),
    );
    expect(missing).toEqual([]);
    expect([...used].every((u) => named.has(u))).toBe(true);
  });
});
