import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withRulesTable } from "../../manifest/readme-rules.ts";
import { RULE_IDS, RULES } from "../../src/core/rules/catalogue.ts";
import { tableWithMembers, text } from "../support/harness.ts";

/** One catalogue of rules, read by the card, `help` and the reference (issue #13, must show). */
describe("the rule catalogue", () => {
  it("is the reference's rules table (npm run manifest writes it)", () => {
    const readme = readFileSync(join(import.meta.dirname, "../../docs/reference.md"), "utf8");
    expect(readme).toBe(withRulesTable(readme));
    for (const id of RULE_IDS) expect(readme).toContain(`| \`${id}\` |`);
  });

  it("lists every rule in help with its kind, and one rule with its source and policy keys", async () => {
    const h = await tableWithMembers();
    const all = text(await h.say("joost", "help regels"));
    expect(all).toContain("Meldgrens (wet)");
    expect(all).toContain("Geoorloofd verzuim (wetsvoorstel)");
    expect(all).toContain("Intake onder de meldgrens (lokaal protocol)");
    expect(all).toContain("Laag (MD-MTSS) (voorstel)");
    expect(all.match(/^\s+- /gm)).toHaveLength(RULE_IDS.length);
    const laag = text(await h.say("joost", "help laag"));
    expect(laag).toContain(RULES["mdmtss.laag"].source);
    expect(laag).toContain("laag.venster, lesuren.po");
    expect(text(await h.say("joost", "help rules"))).toContain("Meldgrens (wet)");
    // A command of the same name still wins: `help nieuwkomer` explains the command.
    expect(text(await h.say("joost", "help nieuwkomer"))).toContain("nieuwkomer C-4");
    expect((await h.say("joost", "help onzin")).reply.error?.code).toBe("onbekend-commando");
  });

  it("puts each rule's kind on the card", async () => {
    const h = await tableWithMembers();
    await h.say("anna", "beleid te-laat.aantal=1");
    await h.say("joost", "signaal 2345678 ongeoorloofd 1 19-11");
    const card = text(await h.say("joost", "signaal 2345678 te-laat 1 20-11"));
    expect(card).toContain("Meldgrens (wet): ");
    expect(card).toContain("Aanwezigheid (voorstel): ");
    expect(card).toContain("Te laat (lokaal protocol): 1× te laat");
  });
});
