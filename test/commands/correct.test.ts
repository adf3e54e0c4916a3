import { describe, expect, it } from "vitest";
import { tableWithMembers, text } from "../support/harness.ts";

async function withWork() {
  const h = await tableWithMembers();
  await h.say("anna", "lid @fatima zorgcoordinator");
  await h.say("joost", "signaal 2345678 ongeoorloofd 4 vrijdag");
  await h.say("joost", 'actie C-1 @joost 4-12 "Bellen met ouders"');
  await h.say("joost", 'besluit C-1 "Gesprek met ouders"');
  return h;
}

describe("undo and correct", () => {
  it("changes an agreement's owner, date and text where it was made: actie A-n …", async () => {
    const h = await withWork();
    const out = await h.say("joost", "actie A-1 eigenaar=@fatima datum=11-12");
    expect(text(out)).toContain(
      "Afspraak A-1 bij C-1 gewijzigd: @fatima uiterlijk 11 dec 2026: Bellen met ouders",
    );
    expect(out.posts.map((p) => (p.to.kind === "member" ? p.to.id : "tafel"))).toEqual(["fatima"]);
    expect(text(await h.say("fatima", 'wijzig A-1 tekst="Huisbezoek"'))).toContain(
      "@fatima uiterlijk 11 dec 2026: Huisbezoek",
    );
    expect(text(await h.say("fatima", "casus C-1"))).toContain("Afspraak A-1 gewijzigd (@fatima)");
    // Making an agreement keeps its grammar.
    expect(text(await h.say("joost", 'actie C-1 @piet 4-12 "Brief sturen"'))).toContain(
      "Afspraak A-2 bij C-1",
    );
  });

  it("refuses a change that says nothing, a past date, or one by someone else", async () => {
    const h = await withWork();
    expect((await h.say("joost", "actie A-1")).reply.error?.code).toBe("niets-te-wijzigen");
    expect((await h.say("joost", "actie A-1 datum=2-11-2026")).reply.error).toBeDefined();
    expect((await h.say("piet", "actie A-1 eigenaar=@piet")).reply.error?.code).toBe("afspraak-niet-van-jou");
    expect((await h.store.read("console")).actions[0]?.owner).toBe("joost");
  });

  it("withdraws a decision with its reason, keeping it in the history", async () => {
    const h = await withWork();
    expect((await h.say("fatima", 'besluit-intrekken B-1 "Verkeerde casus"')).reply.error?.code).toBe(
      "alleen-regie-of-voorzitter",
    );
    expect(text(await h.say("joost", 'besluit-intrekken B-1 "Verkeerde casus" bevestigd=ja'))).toContain(
      "Besluit B-1 bij C-1 ingetrokken: Verkeerde casus",
    );
    const card = text(await h.say("joost", "casus C-1"));
    expect(card).toContain("Laatste besluiten:\n      - geen");
    expect(card).toContain("Besluit B-1 ingetrokken (@joost): Verkeerde casus");
    expect((await h.say("joost", 'besluit-intrekken B-1 "Nog eens"')).reply.error?.code).toBe(
      "besluit-al-ingetrokken",
    );
  });
});
