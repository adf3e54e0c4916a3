import { describe, expect, it } from "vitest";
import { outboundAsPosts } from "../../commands/outbound.ts";
import { dailyMessages, type Outbound } from "../../src/core/reminders.ts";
import { annualFigures, schoolYear } from "../../src/core/report.ts";
import { policyOf } from "../../src/core/rules/policy.ts";
import { calendarCache } from "../../src/infra/calendars.ts";
import { type harness, silentScheduler, tableWithMembers, text } from "../support/harness.ts";

type H = Awaited<ReturnType<typeof harness>>;
/** Each member's message of a school day, as the scheduler would compose it from the table as it is. */
async function dayOf(h: H, date: string, to: string) {
  const doc = await h.store.read("console");
  return dailyMessages(doc, calendarCache().forTable(doc), policyOf(doc.policy), date).find(
    (d) => d.message.kind === "dag" && d.message.to === to,
  )?.message as Extract<Outbound, { kind: "dag" }> | undefined;
}

/** Follow-through that notices when things stall (issue #31 items 4–7). */
describe("an agreement that is reviewed (FR-23)", () => {
  it("asks its owner and regie on the review date with three buttons, and 'werkt niet' puts the case on the agenda", async () => {
    const h = await tableWithMembers({ at: "2026-11-16T09:00:00Z" });
    await h.say("joost", "signaal 2345678 ongeoorloofd 4 16-11");
    await h.say("piet", "regie C-1 neem");
    expect(
      (await h.say("piet", 'actie C-1 @joost 20-11 "Mentor belt elke ochtend" evaluatie=19-11')).reply.error
        ?.code,
    ).toBe("evaluatie-voor-datum");
    await h.say("piet", 'actie C-1 @joost 20-11 "Mentor belt elke ochtend" evaluatie=27-11');
    expect((await dayOf(h, "2026-11-26", "joost"))?.reviews).toBeUndefined();
    const asked = await dayOf(h, "2026-11-27", "joost");
    expect(asked?.reviews?.map((a) => a.id)).toEqual(["A-1"]);
    expect((await dayOf(h, "2026-11-27", "piet"))?.reviews?.map((a) => a.id)).toEqual(["A-1"]);
    const [post] = await outboundAsPosts(h.store, "console", asked as Outbound);
    expect(post?.buttons?.slice(0, 3)).toEqual([
      { label: "A-1 werkt", run: "evaluatie A-1 werkt" },
      { label: "A-1 werkt niet", run: "evaluatie A-1 werkt-niet" },
      { label: "A-1 te vroeg", run: "evaluatie A-1 te-vroeg" },
    ]);
    // Unanswered: asked again a school week later, not every day.
    expect((await dayOf(h, "2026-11-30", "joost"))?.reviews).toBeUndefined();
    expect((await dayOf(h, "2026-12-04", "joost"))?.reviews?.length).toBe(1);
    h.clock.set(new Date("2026-11-27T10:00:00Z"));
    expect((await h.say("anna", "evaluatie A-1 werkt-niet")).reply.error).toBeUndefined();
    expect(text(await h.say("anna", "overleg agenda"))).toMatch(/C-1: .*afspraak werkt niet/);
    expect((await dayOf(h, "2026-12-04", "joost"))?.reviews).toBeUndefined();
    // The table decides on it: off the agenda for that reason.
    expect((await h.say("piet", "triage C-1 spreekuur")).reply.error).toBeUndefined();
    expect(text(await h.say("anna", "overleg agenda"))).not.toContain("afspraak werkt niet");
  });

  it("asks again a school week on when it is too early, and only its owner, regie or the chair may answer", async () => {
    const h = await tableWithMembers({ at: "2026-11-16T09:00:00Z" });
    await h.say("anna", "lid @kees wijkteam");
    await h.say("joost", "signaal 2345678 ongeoorloofd 4 16-11");
    await h.say("joost", 'actie C-1 @joost 20-11 "Mentor belt" evaluatie=20-11');
    expect((await h.say("kees", "evaluatie A-1 werkt")).reply.error?.code).toBe("afspraak-niet-van-jou");
    h.clock.set(new Date("2026-11-20T10:00:00Z"));
    expect(text(await h.say("joost", "evaluatie A-1 te-vroeg"))).toContain("opnieuw op 27 nov 2026");
    expect((await h.store.read("console")).actions[0]).toMatchObject({
      reviewOn: "2026-11-27",
      reviews: [{ result: "te-vroeg", by: "joost" }],
    });
  });
});

describe("a regie holder gone quiet (FR-35)", () => {
  it("tells the chair once the holder recorded nothing for the table's number of school days, then once a week", async () => {
    const h = await tableWithMembers({ at: "2026-11-02T09:00:00Z" });
    await h.say("anna", "beleid regie.stil-na=5");
    await h.say("joost", "signaal 2345678 ongeoorloofd 4 2-11");
    await h.say("piet", "regie C-1 neem");
    // Others' work does not count for the holder; reading does not either.
    h.clock.set(new Date("2026-11-05T09:00:00Z"));
    await h.say("joost", 'besluit C-1 "School belt ouders"');
    await h.say("piet", "casus C-1");
    expect((await dayOf(h, "2026-11-06", "anna"))?.staleRegie).toBeUndefined();
    const told = await dayOf(h, "2026-11-09", "anna");
    expect(told?.staleRegie).toEqual([{ caseId: "C-1", holder: "piet", days: 5 }]);
    const [post] = await outboundAsPosts(h.store, "console", told as Outbound);
    expect(post?.text).toContain("C-1: regiehouder @piet legde 5 schooldagen niets vast");
    expect((await dayOf(h, "2026-11-10", "anna"))?.staleRegie).toBeUndefined();
    // The holder records something: quiet no more.
    h.clock.set(new Date("2026-11-09T10:00:00Z"));
    await h.say("piet", 'actie C-1 @piet 20-11 "Huisbezoek"');
    expect((await dayOf(h, "2026-11-13", "anna"))?.staleRegie).toBeUndefined();
    expect((await dayOf(h, "2026-11-16", "anna"))?.staleRegie?.[0]?.days).toBe(5);
    // The table may give the guardian's role to another function (FR-35): then they hear it, not the chair.
    await h.say("anna", "beleid regie.bewaker=leerplichtambtenaar");
    await h.say("anna", "lid @kees leerplicht");
    expect((await dayOf(h, "2026-11-16", "kees"))?.staleRegie).toEqual([
      { caseId: "C-1", holder: "piet", days: 5 },
    ]);
    expect((await dayOf(h, "2026-11-16", "anna"))?.staleRegie).toBeUndefined();
    await h.say("anna", "beleid regie.stil-na=0");
    expect((await dayOf(h, "2026-11-30", "anna"))?.staleRegie).toBeUndefined();
  });
});

describe("at home through illness (FR-32)", () => {
  it("is recorded by who may see health, tells JGZ and the SWV, shows only to them, and is counted apart", async () => {
    const h = await tableWithMembers({ at: "2026-11-16T09:00:00Z" });
    await h.say("anna", "lid @sanne jgz");
    await h.say("anna", "lid @kees samenwerkingsverband");
    await h.say("joost", "signaal 2345678 ongeoorloofd 6 16-11");
    expect((await h.say("piet", "thuis-ziek C-1")).reply.error?.code).toBe("rol-niet-toegestaan");
    const out = await h.say("joost", "thuis-ziek C-1 9-11");
    expect(out.reply.visibility).toBe("private");
    expect(out.posts.map((p) => (p.to.kind === "member" ? p.to.handle : "tafel")).sort()).toEqual([
      "kees",
      "sanne",
    ]);
    expect(text(await h.say("sanne", "casus C-1"))).toContain("Thuis door ziekte: sinds 9 nov 2026");
    expect(text(await h.say("piet", "casus C-1"))).not.toContain("Thuis door ziekte");
    expect((await h.say("piet", "casussen thuis-ziek")).reply.error?.code).toBe("rol-niet-toegestaan");
    expect(text(await h.say("sanne", "casussen thuis-ziek"))).toContain("C-1");
    const year = schoolYear("2026-2027");
    expect(year && annualFigures(await h.store.read("console"), year).homeSick).toBe(1);
    await h.say("joost", "thuis-ziek C-1 klaar");
    expect((await h.store.read("console")).cases[0]?.homeSick).toBeNull();
    expect(text(await h.say("sanne", "casussen thuis-ziek"))).not.toContain("C-1");
  });
});

describe("the MAS route in full (FR-31)", () => {
  it("records the civil path, the OM's outcome on a proces-verbaal, and the route mix", async () => {
    const h = await tableWithMembers({ at: "2026-11-23T09:00:00Z" });
    await h.say("anna", "lid @piet leerplicht boa=ja");
    await h.say("joost", "signaal 2345678 ongeoorloofd 16 16-11..20-11 leeftijd=12-15");
    await h.say("piet", "interventie C-1 waarschuwing 20-11");
    expect((await h.say("piet", "interventie C-1 civiel 23-11")).reply.error?.code).toBe("civiel-via");
    expect(text(await h.say("piet", "interventie C-1 civiel 23-11 via=rvdk"))).toContain(
      "(R3), verzoek aan de Raad voor de Kinderbescherming",
    );
    await h.say("piet", "interventie C-1 pv 23-11");
    expect((await h.say("piet", "interventie I-1 sepot")).reply.error?.code).toBe("om-geen-pv");
    expect((await h.say("joost", "interventie I-3 sepot")).reply.error?.code).toBe("rol-niet-toegestaan");
    expect(text(await h.say("piet", "interventie I-3 taakstraf"))).toContain("Uitkomst van het OM bij I-3");
    const c = (await h.store.read("console")).cases[0];
    expect(c?.interventions.map((i) => [i.kind, i.route, i.civilVia, i.om?.result ?? null])).toEqual([
      ["waarschuwing", null, null, null],
      ["civiel", "R3", "rvdk", null],
      ["pv", "R4", null, "taakstraf"],
    ]);
    const year = schoolYear("2026-2027");
    const figures = year && annualFigures(await h.store.read("console"), year);
    expect(figures?.masRoutes).toMatchObject({ R3: 1, R4: 1, R1: 0 });
    expect(figures?.masCombined).toBe(1);
  });
});

describe("the table's rhythm (FR-05, FR-40)", () => {
  it("plans the meetings, skips a holiday, and sends the agenda once, two school days before, with a button", async () => {
    const h = await tableWithMembers({ at: "2026-12-01T10:00:00Z" });
    const set = text(await h.say("anna", "overleg ritme=2w dag=do 13:00 vanaf=3-12-2026"));
    expect(set).toContain("elke 2 weken op donderdag om 13:00");
    expect(set).toContain("Volgend overleg: 3 dec 2026 13:00");
    expect((await h.say("piet", "overleg ritme=3w")).reply.error?.code).toBe("rol-niet-toegestaan");
    await h.say("joost", "signaal 2345678 ongeoorloofd 4 30-11");
    // Ticked twice on the day, as two instances would: one agenda, under its key.
    const scheduler = silentScheduler(h.store);
    await scheduler.tick(new Date("2026-12-15T09:30:00Z"));
    await scheduler.tick(new Date("2026-12-15T09:45:00Z"));
    const sent = (await h.store.read("console")).outbox.filter((e) => e.message.kind === "overleg");
    expect(sent.map((e) => e.key)).toEqual(["overleg:2026-12-17"]);
    const posts = await outboundAsPosts(h.store, "console", sent[0]?.message as Outbound);
    expect(posts[0]?.text).toContain("Agenda voor het overleg van Triage Druten op 17 dec 2026 om 13:00");
    expect(posts[0]?.text).toContain("C-1");
    expect(posts.find((p) => p.to.kind === "member")?.buttons).toEqual([
      { label: "Agenda openen", run: "overleg agenda" },
    ]);
    // 31 Dec is in the Christmas holiday: no agenda on 29 Dec; the next is for 14 Jan.
    const agendas = async () =>
      (await h.store.read("console")).outbox.filter((e) => e.message.kind === "overleg").map((e) => e.key);
    // (The outbox lets sent messages go after a few days, so only what is new is looked for.)
    await scheduler.tick(new Date("2026-12-29T09:30:00Z"));
    expect(await agendas()).not.toContain("overleg:2026-12-31");
    await scheduler.tick(new Date("2027-01-12T09:30:00Z"));
    expect(await agendas()).toContain("overleg:2027-01-14");
    expect(text(await h.say("anna", "overleg ritme=uit"))).toContain("Geen vast ritme meer");
  });

  it("says on the agenda when a case waited a meeting without being discussed", async () => {
    const h = await tableWithMembers({ at: "2026-11-16T10:00:00Z" });
    await h.say("joost", "signaal 2345678 ongeoorloofd 4 16-11");
    await h.say("joost", "signaal 3456789 ongeoorloofd 4 16-11");
    await h.say("anna", "overleg start");
    await h.say("piet", 'besluit C-1 "Gesprek met ouders"');
    await h.say("anna", "overleg stop");
    const agenda = text(await h.say("anna", "overleg agenda"));
    expect(agenda).toMatch(/C-2: .*wacht al een overleg/);
    expect(agenda).not.toMatch(/C-1: .*wacht al een overleg/);
  });
});
