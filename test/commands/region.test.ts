import { describe, expect, it } from "vitest";
import { text } from "../support/harness.ts";
import { region } from "../support/region.ts";

const posted = (o: { posts: Array<{ text: string }> }) => o.posts.map((p) => p.text).join("\n");

describe("routing to the competent office across the region's tables", () => {
  it("residence: a Wijchen pupil under 16 stays with Wijchen's officer at this table, and nobody elsewhere hears", async () => {
    const { zuid } = await region();
    const out = await zuid(
      "joost",
      "signaal 2222222 ongeoorloofd 16 23-11..27-11 leeftijd=12-15 gemeente=Wijchen",
    );
    expect(posted(out)).not.toContain("doorgezet");
    const route = text(await zuid("anna", "help routering C-1"));
    expect(route).toContain("Plicht: volledige leerplicht.");
    expect(route).toContain("Wijchen: Gemeente Wijchen.");
    expect(route).toContain("Naar: @piet (Triage Zuid)");
  });

  it("qualification duty: a 16-year-old of Druten goes to the Nijmegen office's officer at another table", async () => {
    const { h, zuid, noord } = await region();
    const out = await zuid(
      "joost",
      "signaal 1111111 ongeoorloofd 16 23-11..27-11 leeftijd=16-17 gemeente=Druten",
    );
    expect(posted(out)).toContain(
      "C-1 is doorgezet naar het bevoegde kantoor elders in de regio: @fatima (Triage Noord).",
    );
    const route = text(await zuid("anna", "help routering C-1"));
    expect(route).toContain("Druten: Bureau Leerplicht Nijmegen (kantoor voor de kwalificatieplicht).");
    expect(route).toContain("Naar: @fatima (Triage Noord)");
    // The notice waits in Noord's outbox, without the case's content.
    const [notice] = (await h.store.read("triage-noord")).outbox;
    expect(notice?.message).toMatchObject({ kind: "regio", to: "fatima", caseId: "C-1", reason: "bevoegd" });
    expect(JSON.stringify(notice)).not.toMatch(/1111111|L-/);
    // She joins; the case stays one case at Zuid, and she sees it there.
    expect(text(await noord("fatima", "regio meedoen triage-zuid C-1"))).toContain(
      "Je doet mee aan C-1 aan tafel Triage Zuid.",
    );
    expect(text(await zuid("fatima", "casus C-1"))).toContain("Casus C-1");
    // Wijchen's officer is not competent for it: named, without content.
    expect((await zuid("piet", "casus C-1")).reply.error?.code).toBe("casus-andere-gemeente");
    expect(text(await zuid("piet", "casussen"))).toContain("Van een andere gemeente (geen inhoud): C-1");
  });

  it("18+: the RMC of the region, also at another table", async () => {
    const { zuid } = await region();
    const out = await zuid(
      "joost",
      "signaal 3333333 ongeoorloofd 16 23-11..27-11 leeftijd=18+ gemeente=Wijchen",
    );
    expect(posted(out)).toContain("@rik (Triage Noord)");
    expect(text(await zuid("anna", "help routering C-1"))).toContain(
      "18 jaar of ouder: het RMC, RMC Rijk van Nijmegen.",
    );
  });

  it("no officer known: the region's contact hears it, never nobody", async () => {
    const { h, zuid, noord } = await region();
    await noord("anna", 'regio gemeente Heumen kantoor="Gemeente Heumen"');
    const none = await zuid(
      "joost",
      "signaal 4444444 ongeoorloofd 16 23-11..27-11 leeftijd=12-15 gemeente=Heumen",
    );
    expect(posted(none)).not.toContain("doorgezet");
    expect(text(await zuid("anna", "help routering C-1"))).toContain("de regio heeft geen contact");
    await noord("anna", "regio contact=@anna");
    const told = await zuid(
      "joost",
      "signaal 5555555 ongeoorloofd 16 23-11..27-11 leeftijd=12-15 gemeente=Heumen",
    );
    expect(posted(told)).toContain("het contact van de regio krijgt het, @anna (Triage Noord)");
    expect((await h.store.read("triage-noord")).outbox.at(-1)?.message).toMatchObject({
      kind: "regio",
      reason: "contact",
      caseId: "C-2",
    });
    expect(text(await zuid("anna", "help routering C-2"))).toContain(
      "Naar het contact van de regio: @anna (Triage Noord)",
    );
  });

  it("an officer at another table may join only a case of their competence", async () => {
    const { zuid, noord } = await region();
    await zuid("joost", "signaal 2222222 ongeoorloofd 16 23-11..27-11 leeftijd=12-15 gemeente=Wijchen");
    expect((await noord("fatima", "regio meedoen triage-zuid C-1")).reply.error?.code).toBe(
      "regio-niet-bevoegd",
    );
    expect((await noord("fatima", "regio meedoen elders C-1")).reply.error?.code).toBe("regio-tafel-niet");
  });
});
