import { describe, expect, it } from "vitest";
import { tableWithMembers, text } from "../support/harness.ts";

/** Knowledge answers (FR-14, issue #30 item 5): in Dutch, with their sources, from one catalogue. */
describe("help on roles, the MAS and the school", () => {
  it("explains every function with its source, and what it may do in Tafel from the permissions table", async () => {
    const h = await tableWithMembers();
    const roles = text(await h.say("joost", "help rollen"));
    expect(roles).toContain("leerplichtambtenaar — Leerplichtambtenaar (ook leerrechtconsulent");
    expect(roles).toMatch(/Halt — .*\[004 L354-359\]/);
    const lpa = text(await h.say("joost", "help leerplichtambtenaar"));
    expect(lpa).toContain("[004 L97-99, L201-229]");
    expect(lpa).toMatch(/Mag in Tafel daarnaast: .*interventie/);
    expect(text(await h.say("joost", "help jgz"))).toContain("Mag in Tafel daarnaast: thuis-ziek");
  });

  it("explains the MAS routes R1–R6 and the school's duties, beside the school command's own help", async () => {
    const h = await tableWithMembers();
    const mas = text(await h.say("piet", "help mas"));
    for (const r of ["R1", "R2", "R3", "R4", "R5", "R6"]) expect(mas).toContain(`- ${r} `);
    expect(mas).toContain("[003 L1470, L643]");
    const school = text(await h.say("piet", "help school"));
    expect(school).toContain("Gebruik: school");
    expect(school).toContain("melden bij DUO");
    expect(school).toContain("[002 L216-218]");
  });
});
