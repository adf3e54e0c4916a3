import { describe, expect, it } from "vitest";
import { outboundAsPosts } from "../../commands/outbound.ts";
import { dailyMessages, type Outbound } from "../../src/core/reminders.ts";
import { policyOf } from "../../src/core/rules/policy.ts";
import { calendarCache } from "../../src/infra/calendars.ts";
import { tableWithMembers, text } from "../support/harness.ts";

/** From signal to triage (issue #29): each step through the dispatcher, as a member types it. */
describe("the local protocol (FR-02)", () => {
  it("is shown labelled as local protocol with its source, and a school may have its own", async () => {
    const h = await tableWithMembers();
    await h.say("anna", 'school 12AB00 naam="Maaswaal College" type=vo');
    await h.say("anna", "beleid protocol.voorwaarden=gesprek-leerling protocol.rol=mede-regie");
    expect(
      (await h.say("anna", "beleid school=12AB00 protocol.voorwaarden=gesprek-leerling,zorgteam")).reply
        .error,
    ).toBeUndefined();
    const shown = text(await h.say("joost", "beleid protocol"));
    expect(shown).toContain("Lokaal protocol, geen wet");
    expect(shown).toContain("[003 L1183-1189]");
    expect(shown).toContain("heeft de school: gesprek met de leerling\n");
    expect(shown).toContain("Rol van de leerplichtambtenaar: mede-regievoerder");
    expect(shown).toMatch(/12AB00 Maaswaal College:\n.*gesprek met de leerling, zorg- of ondersteuningsteam/);
  });

  it("refuses a protocol word it does not know, and a protocol change by anyone but the chair", async () => {
    const h = await tableWithMembers();
    expect((await h.say("anna", "beleid protocol.voorwaarden=bellen")).reply.error?.code).toBe(
      "argument-ongeldig",
    );
    expect((await h.say("piet", "beleid protocol.rol=mede-regie")).reply.error?.code).toBe(
      "rol-niet-toegestaan",
    );
    expect((await h.store.read("console")).policy).toEqual({});
  });
});

describe("a school's signal of concern (FR-20)", () => {
  it("asks for what the school did where the protocol names preconditions; without any, nothing changes", async () => {
    const h = await tableWithMembers();
    expect((await h.say("joost", "signaal 2345678 ongeoorloofd 2 16-11")).reply.error).toBeUndefined();
    await h.say("anna", "beleid protocol.voorwaarden=gesprek-leerling,gesprek-ouders");
    const out = await h.say("joost", "signaal 3456789 ongeoorloofd 2 16-11");
    expect(out.reply.error?.code).toBe("signaal-protocol");
    expect(text(out)).toContain("gedaan=, patroon=");
    // The officer's own signal, and a later signal on an open case, are no school's intake.
    expect((await h.say("piet", "signaal 4567890 ongeoorloofd 2 16-11")).reply.error).toBeUndefined();
    expect((await h.say("joost", "signaal 2345678 ongeoorloofd 1 17-11")).reply.error).toBeUndefined();
  });

  it("never holds back a report the law demands: a signal that crosses the threshold goes in unasked", async () => {
    const h = await tableWithMembers();
    await h.say("anna", "beleid protocol.voorwaarden=gesprek-leerling,gesprek-ouders");
    const out = await h.say("joost", "signaal 2345678 ongeoorloofd 16 16-11..20-11");
    expect(out.reply.error).toBeUndefined();
    expect(out.confirm).toBeUndefined();
  });

  it("sent anyway after the question, records what was missing; said no, records nothing", async () => {
    const h = await tableWithMembers();
    await h.say("anna", "beleid protocol.voorwaarden=gesprek-leerling,gesprek-ouders");
    const line = "signaal 2345678 ongeoorloofd 2 16-11 gedaan=geen patroon=wisselend";
    const asked = await h.say("joost", line);
    expect(text(asked)).toContain("Nog niet gedaan: gesprek met de leerling, gesprek met de ouders");
    expect((await h.store.read("console")).cases).toEqual([]);
    expect((await h.say("joost", asked.confirm as string)).reply.error).toBeUndefined();
    const [c] = (await h.store.read("console")).cases;
    expect(c?.signals[0]).toMatchObject({ schoolActions: [], pattern: "wisselend" });
    expect(c?.signals[0]?.early).toEqual(["gesprek-leerling", "gesprek-ouders"]);
    expect(text(await h.say("piet", "casus C-1"))).toContain(
      "vroeg, nog niet gedaan: gesprek met de leerling",
    );
  });

  it("takes an unknown pupil key only as the yes to its own question", async () => {
    const h = await tableWithMembers();
    expect((await h.say("joost", "signaal L-ABCDEF ongeoorloofd 2 16-11")).reply.error?.code).toBe(
      "sleutel-onbekend",
    );
  });
});

describe("the investigation (FR-21)", () => {
  it("goes to the competent officer, due on the protocol's term, and reminds them until its finding", async () => {
    const h = await tableWithMembers({ at: "2026-11-16T10:00:00Z" });
    await h.say("anna", "lid @kees leerplicht gemeente=Wijchen");
    await h.say("anna", "lid @piet leerplicht gemeente=Druten");
    await h.say("anna", "beleid onderzoek.termijn=3");
    await h.say("joost", "signaal 2345678 ongeoorloofd 4 16-11 gemeente=Wijchen");
    const out = await h.say("piet", "onderzoek C-1");
    expect(text(out)).toContain(
      "staat op naam van @kees, af uiterlijk 19 nov 2026 (termijn van het protocol: 3",
    );
    expect(out.posts.map((p) => (p.to.kind === "member" ? p.to.handle : "tafel"))).toEqual(["kees"]);
    expect((await h.say("piet", "onderzoek C-1")).reply.error?.code).toBe("onderzoek-loopt");
    // Its officer's move, and in their day's message with a button to record the finding.
    expect(text(await h.say("piet", "casus C-1"))).toContain("Aan zet: @kees (O-1)");
    const doc = await h.store.read("console");
    const day = (date: string) =>
      dailyMessages(doc, calendarCache().forTable(doc), policyOf(doc.policy), date).find(
        (d) => d.message.kind === "dag" && d.message.to === "kees",
      )?.message;
    expect(day("2026-11-17")).toBeUndefined();
    expect(day("2026-11-18")).toMatchObject({ investigations: [{ id: "O-1", overdue: false }] });
    const late = day("2026-11-20");
    expect(late).toMatchObject({ investigations: [{ id: "O-1", overdue: true }] });
    const [post] = await outboundAsPosts(h.store, "console", late as Outbound);
    expect(post?.text).toContain("O-1 op C-1: was af op 19 nov 2026");
    expect(post?.buttons).toContainEqual({
      label: "Uitkomst C-1",
      form: "onderzoek",
      prefill: { id: "C-1" },
    });
  });

  it("takes a finding only whole, only from its officer, and screens health causes from who may not see them", async () => {
    const h = await tableWithMembers();
    await h.say("anna", "lid @kees leerplicht");
    await h.say("anna", "lid @sanne wijkteam");
    await h.say("joost", "signaal 2345678 ongeoorloofd 4 16-11");
    await h.say("piet", "onderzoek C-1 door=@piet");
    expect((await h.say("piet", "onderzoek C-1 ernst=hoog")).reply.error?.code).toBe("onderzoek-uitkomst");
    const full = "onderzoek C-1 oorzaken=psychisch,pesten ernst=hoog risico=hoog vervolg=jgz";
    expect((await h.say("kees", full)).reply.error?.code).toBe("onderzoek-niet-van-jou");
    const done = await h.say("piet", full);
    expect(done.reply.visibility).toBe("private");
    expect(done.posts.map((p) => p.text).join()).not.toContain("psychisch");
    expect(text(await h.say("joost", "casus C-1"))).toContain("oorzaken psychische klachten, pesten");
    const screened = text(await h.say("sanne", "casus C-1"));
    expect(screened).toContain("oorzaken pesten, gezondheid (afgeschermd)");
    expect(screened).not.toContain("psychische");
  });

  it("is leerplicht's, and not where the region keeps leerplicht out below the threshold", async () => {
    const h = await tableWithMembers();
    await h.say("joost", "signaal 2345678 ongeoorloofd 4 16-11");
    expect((await h.say("joost", "onderzoek C-1")).reply.error?.code).toBe("rol-niet-toegestaan");
    await h.say("anna", "beleid intake=wettelijk");
    await h.say("joost", "signaal 3456789 ongeoorloofd 4 16-11");
    expect((await h.say("piet", "onderzoek C-2")).reply.error?.code).toBe("casus-school-intern");
  });
});

describe("the triage (FR-22)", () => {
  it("records the route, the protocol's role and who moves next, as a decision in the minutes", async () => {
    const h = await tableWithMembers();
    await h.say("anna", "beleid protocol.rol=mede-regie");
    await h.say("joost", "signaal 2345678 ongeoorloofd 4 16-11");
    await h.say("anna", "overleg start");
    const out = await h.say("piet", 'triage C-1 wijkteam aan-zet=@joost "Gezin staat open voor hulp"');
    expect(text(out)).toContain(
      "B-1: vrijwillige hulp via het wijkteam · leerplicht mede-regievoerder · aan zet: @joost: Gezin staat open",
    );
    expect(out.posts.map((p) => (p.to.kind === "member" ? p.to.handle : "tafel"))).toEqual(["joost"]);
    expect(text(await h.say("piet", "casus C-1"))).toContain("Aan zet: @joost (B-1)");
    expect(text(await h.say("anna", "overleg stop"))).toContain("vrijwillige hulp via het wijkteam");
  });

  it("lets a meeting's decision carry a route and role, under the triage's rules (FR-40)", async () => {
    const h = await tableWithMembers();
    await h.say("joost", "signaal 2345678 ongeoorloofd 4 16-11");
    await h.say("anna", "overleg start");
    expect((await h.say("joost", 'besluit C-1 "Wijkteam" route=wijkteam')).reply.error?.code).toBe(
      "rol-niet-toegestaan",
    );
    expect((await h.say("piet", 'besluit C-1 "Wijkteam" rol=adviserend')).reply.error?.code).toBe(
      "besluit-rol-zonder-route",
    );
    await h.say("piet", 'besluit C-1 "Wijkteam pakt het op" route=wijkteam rol=mede-regie');
    await h.say("piet", 'besluit C-1 "Ouders bellen"');
    const minutes = text(await h.say("anna", "overleg stop"));
    expect(minutes).toContain(
      "vrijwillige hulp via het wijkteam · leerplicht mede-regievoerder · aan zet: de tafel: Wijkteam pakt het op",
    );
    // The minutes filtered by route or role keep only those decisions.
    const byRoute = text(await h.say("joost", "overleg notulen route=wijkteam"));
    expect(byRoute).toContain("Wijkteam pakt het op");
    expect(byRoute).not.toContain("Ouders bellen");
    expect(text(await h.say("joost", "overleg notulen rol=adviserend"))).not.toContain("Wijkteam");
  });

  it("refuses enforcement without a legal task, a member who may not triage, and an unknown route", async () => {
    const h = await tableWithMembers();
    await h.say("joost", "signaal 2345678 ziek 4 16-11 grondslag=toestemming-ouders");
    expect((await h.say("piet", "triage C-1 handhaving")).reply.error?.code).toBe("geen-wettelijke-taak");
    expect((await h.say("joost", "triage C-1 school")).reply.error?.code).toBe("rol-niet-toegestaan");
    expect((await h.say("piet", "triage C-1 strafkamp")).reply.error?.code).toBe("argument-ongeldig");
    expect((await h.store.read("console")).decisions).toEqual([]);
  });
});

describe("consultation hours (FR-24) and priority (FR-27)", () => {
  it("publishes an hour, books into it, puts the rest on a waiting list by priority, and fills a new hour from it", async () => {
    const h = await tableWithMembers({ at: "2026-11-16T10:00:00Z" });
    await h.say("joost", "signaal 2345678 ongeoorloofd 2 16-11");
    await h.say("joost", "signaal 3456789 ongeoorloofd 2 16-11");
    await h.say("joost", "signaal 4567890 thuiszitter 2-11..16-11");
    expect((await h.say("joost", "spreekuur 18-11 13:00 plaats=Stadskantoor")).reply.error?.code).toBe(
      "rol-niet-toegestaan",
    );
    expect((await h.say("piet", "spreekuur 18-11 13:00")).reply.error?.code).toBe("spreekuur-waar");
    await h.say("piet", "spreekuur 18-11 13:00 plaats=Stadskantoor capaciteit=1");
    expect(text(await h.say("joost", "spreekuur C-1"))).toContain("C-1 staat op spreekuur SP-1");
    expect((await h.say("joost", "spreekuur C-2 SP-1")).reply.error?.code).toBe("spreekuur-vol");
    await h.say("joost", "spreekuur C-2");
    const third = text(await h.say("joost", "spreekuur C-3"));
    expect(third).toContain("plaats 1 van 2 (meldplichtig, laag 3)");
    expect((await h.say("joost", "spreekuur C-3")).reply.error?.code).toBe("spreekuur-wacht-al");
    const list = text(await h.say("piet", "spreekuur"));
    expect(list.indexOf("1. C-3")).toBeLessThan(list.indexOf("2. C-2"));
    const next = await h.say("piet", "spreekuur 25-11 9:30 plaats=online capaciteit=1");
    expect(text(next)).toContain("Van de wachtlijst geplaatst, op voorrang: C-3.");
    expect((await h.store.read("console")).waiting.map((w) => w.caseId)).toEqual(["C-2"]);
    // The outcome is the host's; closing a case takes it off the waiting list.
    expect((await h.say("joost", "spreekuur C-1 gezien")).reply.error?.code).toBe("spreekuur-niet-van-jou");
    expect(
      (await h.say("piet", 'spreekuur C-1 gezien vervolg=school "Moeder komt mee"')).reply.error,
    ).toBeUndefined();
    // Its outcome on the card for every reader; its note only for who holds consultation hours.
    const school = text(await h.say("joost", "casus C-1"));
    expect(school).toContain("Spreekuur: SP-1 (18 nov 2026): gezien; vervolg: school gaat door");
    expect(school).not.toContain("Moeder komt mee");
    expect(text(await h.say("piet", "casus C-1"))).toContain("school gaat door (Moeder komt mee)");
    expect(
      (await h.say("anna", 'sluit C-2 verhuisd "Verhuisd naar Arnhem" bevestigd=ja')).reply.error,
    ).toBeUndefined();
    expect((await h.store.read("console")).waiting).toEqual([]);
  });

  it("orders the officer's own cases by priority, with the reasons", async () => {
    const h = await tableWithMembers();
    await h.say("joost", "signaal 2345678 ongeoorloofd 2 16-11");
    await h.say("joost", "signaal 3456789 absoluut");
    await h.say("piet", "regie C-1 neem");
    await h.say("piet", "onderzoek C-2");
    const mine = text(await h.say("piet", "mijn"));
    expect(mine).toMatch(/Casus C-2 · L-\w{6} · voorrang: absoluut verzuim\n\s+- Casus C-1/);
  });

  it("orders the agenda by the protocol's priority and puts up what its escalation rules name", async () => {
    const h = await tableWithMembers({ at: "2026-11-02T10:00:00Z" });
    await h.say("anna", "beleid protocol.opschalen=geen-triage protocol.opschalen-na=5");
    await h.say("joost", "signaal 2345678 ongeoorloofd 2 2-11");
    h.clock.set(new Date("2026-11-10T10:00:00Z"));
    await h.say("joost", "signaal 3456789 absoluut");
    const agenda = text(await h.say("anna", "overleg agenda"));
    // Put up by the protocol goes before priority; priority before the order cases came in.
    expect(agenda).toMatch(/- C-1: opgeschaald volgens protocol.*\n\s+- C-2: .*voorrang: absoluut verzuim/);
    await h.say("piet", "triage C-1 school");
    expect(text(await h.say("anna", "overleg agenda"))).not.toContain("opgeschaald");
  });
});

describe("a school's early flag stays within the school (FR-42)", () => {
  it("under intake=wettelijk leerplicht does not see it in casussen, on the agenda, as a card or by search, until the threshold", async () => {
    const h = await tableWithMembers();
    await h.say("anna", "beleid intake=wettelijk");
    const raised = await h.say("joost", "signaal 2345678 ongeoorloofd 4 16-11");
    expect(raised.posts.filter((p) => p.to.kind === "table")).toEqual([]);
    expect(text(await h.say("piet", "casussen"))).not.toContain("C-1");
    expect(text(await h.say("piet", "overleg agenda"))).not.toContain("C-1");
    expect((await h.say("piet", "casus C-1")).reply.error?.code).toBe("casus-school-intern");
    expect(text(await h.say("piet", "zoek 2345678"))).not.toContain("C-1");
    // The school and the chair see it.
    expect(text(await h.say("joost", "casussen"))).toContain("C-1");
    expect((await h.say("anna", "casus C-1")).reply.error).toBeUndefined();
    // From the threshold, leerplicht's task begins, and so does its view.
    await h.say("joost", "signaal 2345678 ongeoorloofd 12 17-11..20-11");
    expect((await h.say("piet", "casus C-1")).reply.error).toBeUndefined();
    expect(text(await h.say("piet", "overleg agenda"))).toContain("C-1");
  });
});

describe("preventive information and enforcement (FR-28)", () => {
  it("names a preventive investigation beside the signals, and follows the region's answer once recorded", async () => {
    const h = await tableWithMembers();
    await h.say("joost", "signaal 2345678 ongeoorloofd 4 16-11");
    await h.say("piet", "onderzoek C-1");
    expect(text(await h.say("piet", "interventie C-1 waarschuwing 16-11"))).toContain("S-1, O-1");
    await h.say("anna", "beleid protocol.preventief-hergebruik=nee");
    expect((await h.say("piet", "interventie C-1 waarschuwing 16-11 bevestigd=ja")).reply.error?.code).toBe(
      "hergebruik-nee",
    );
    await h.say("anna", "beleid protocol.preventief-hergebruik=toegestaan");
    const out = await h.say("piet", "interventie C-1 waarschuwing 16-11");
    expect(out.confirm).toBeUndefined();
    expect(out.reply.error).toBeUndefined();
  });
});
