import { describe, expect, it } from "vitest";
import { tableWithMembers, text } from "../support/harness.ts";

describe("doorbraak: a case marked stuck", () => {
  it("heads the agenda, is told to the chair, shows on the card and clears with opgelost", async () => {
    const h = await tableWithMembers();
    await h.say("joost", "signaal 1111111 ongeoorloofd 2 vrijdag");
    await h.say("joost", "signaal 2222222 ongeoorloofd 3 vrijdag");
    const out = await h.say("piet", 'vastgelopen C-2 "Geen passend aanbod in de regio"');
    expect(text(out)).toContain("Casus C-2 is vastgelopen: Geen passend aanbod in de regio.");
    expect(out.reply.visibility).toBe("table");
    expect(out.posts.map((p) => (p.to.kind === "member" ? p.to.id : "tafel"))).toEqual(["anna"]);
    expect(out.posts[0]?.buttons).toEqual([{ label: "Open C-2", run: "casus C-2" }]);
    const agenda = text(await h.say("anna", "overleg agenda"));
    expect(agenda.indexOf("C-2")).toBeLessThan(agenda.indexOf("C-1"));
    expect(agenda).toMatch(/C-2: vastgelopen/);
    const card = text(await h.say("anna", "casus C-2"));
    expect(card).toContain("Vastgelopen: Geen passend aanbod in de regio (@piet, 23 nov 2026)");
    expect(card).toContain("Casus als vastgelopen gemarkeerd (@piet)");
    expect(text(await h.say("anna", "vastgelopen C-2 opgelost"))).toContain(
      "Casus C-2 is niet meer vastgelopen.",
    );
    expect((await h.say("anna", "vastgelopen C-2 opgelost")).reply.error?.code).toBe("niet-vastgelopen");
    expect(text(await h.say("anna", "overleg agenda"))).not.toContain("vastgelopen");
  });
});
