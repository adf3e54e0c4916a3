/**
 * Realistic tables for benchmarks (domain.md §10): a case mix after the Druten annual report (62 % relatief,
 * 13 % absoluut, 23 % care or advice, 2 % exemption; INFERENCE from its counts), about 20 signals per case over the
 * school year, two agreements and a decision per case, and the audit trail that comes with them.
 */

import { buildCalendar } from "../src/core/calendar/calendar.ts";
import { dateOf, dayNumber } from "../src/core/calendar/days.ts";
import { blankCase } from "../src/core/cases.ts";
import type { Region, Role, Signal, TableDoc } from "../src/core/model.ts";
import { newTable } from "../src/core/table.ts";
import { dutchSchoolFreeDays } from "../src/infra/calendars.ts";
import { rng } from "./support.ts";

const ROLES: Role[] = [
  "voorzitter",
  "leerplichtambtenaar",
  "leerplichtambtenaar",
  "zorgcoordinator",
  "verzuimcoordinator",
  "mentor",
  "schoolleiding",
  "jgz",
  "wijkteam",
  "jeugdhulp",
  "samenwerkingsverband",
  "overig",
];
export const MEMBER_IDS = ROLES.map((_, i) => `U${String(i).padStart(8, "0")}`);

export function generateTable(opts: {
  id: string;
  conversation: string;
  cases: number;
  region?: Region;
  seed?: number;
}): TableDoc {
  const random = rng(opts.seed ?? 1);
  const region = opts.region ?? "midden";
  const cal = buildCalendar(region, dutchSchoolFreeDays());
  const at = "2026-09-01T09:00:00.000Z";
  const doc = newTable({
    id: opts.id,
    name: `Tafel ${opts.cases}`,
    region,
    language: "nl",
    conversation: opts.conversation,
    chair: { id: MEMBER_IDS[0] as string, handle: "m0" },
    at,
  });
  for (const [i, role] of ROLES.slice(1).entries())
    doc.members.push({
      id: MEMBER_IDS[i + 1] as string,
      handle: `m${i + 1}`,
      role,
      boa: role === "leerplichtambtenaar",
      organisation: null,
      municipalities: [],
      addedAt: at,
      removedAt: null,
    });
  const first = cal.lesweekOf(dayNumber("2026-08-31"));
  let signalNo = 0;
  for (let c = 1; c <= opts.cases; c++) {
    const kase = blankCase(`C-${c}`, `L-${c.toString(32).toUpperCase().padStart(6, "0")}`, "m3", at);
    const mix = random();
    const kinds: Signal["kind"][] =
      mix < 0.62 ? ["ongeoorloofd", "te-laat"] : mix < 0.75 ? ["absoluut"] : ["zorg", "ziek"];
    kase.legalBasis =
      mix < 0.62
        ? "ongeoorloofd-verzuim"
        : mix < 0.75
          ? "absoluut-verzuim"
          : mix < 0.98
            ? "toestemming-ouders"
            : "vrijstelling";
    const n = kinds[0] === "absoluut" ? 1 : 14 + Math.floor(random() * 13);
    for (let i = 0; i < n; i++) {
      const week = cal.week(first + Math.floor(random() * 10));
      const date = dateOf(week.firstSchoolDay + Math.floor(random() * Math.max(1, week.schoolDays - 1)));
      const kind = kinds[Math.floor(random() * kinds.length)] as Signal["kind"];
      kase.signals.push({
        id: `S-${++signalNo}`,
        kind,
        from: date,
        to: date,
        hours: kind === "ongeoorloofd" || kind === "ziek" ? 0.5 + Math.floor(random() * 8) * 0.5 : null,
        count: kind === "te-laat" ? 1 + Math.floor(random() * 3) : null,
        school: null,
        schoolActions: null,
        pattern: null,
        early: [],
        note: random() < 0.3 ? "Ochtend niet aanwezig, ouders gebeld" : null,
        origin: kind === "ongeoorloofd" ? "statutory" : "preventive",
        raisedBy: MEMBER_IDS[3] as string,
        raisedAt: at,
        withdrawnAt: null,
      });
    }
    if (random() < 0.8)
      kase.regie = { holder: MEMBER_IDS[1 + Math.floor(random() * 11)] as string, since: at };
    doc.cases.push(kase);
    for (let a = 0; a < 2; a++) {
      doc.counters.action++;
      doc.actions.push({
        id: `A-${doc.counters.action}`,
        caseId: kase.id,
        text: "Gesprek met ouders en leerling plannen",
        owner: MEMBER_IDS[1 + Math.floor(random() * 11)] as string,
        due: dateOf(dayNumber("2026-11-01") + Math.floor(random() * 60)),
        status: random() < 0.6 ? "open" : "done",
        createdBy: MEMBER_IDS[1] as string,
        createdAt: at,
        closedAt: null,
        closedBy: null,
        meetingId: null,
        reviewOn: null,
        reviews: [],
      });
    }
    doc.counters.decision++;
    doc.decisions.push({
      id: `B-${doc.counters.decision}`,
      caseId: kase.id,
      text: "Leerplicht voert het gesprek; school houdt de aanwezigheid bij",
      at,
      by: MEMBER_IDS[1] as string,
      meetingId: null,
      route: null,
      role: null,
      next: null,
      beyond: null,
      withdrawn: null,
    });
    for (const event of [
      "casus.geopend",
      "signaal.gemeld",
      "regie.toegewezen",
      "afspraak.gemaakt",
      "casus.bekeken",
    ])
      doc.audit.push({ at, actor: "m3", event, caseId: kase.id, subject: null });
  }
  doc.counters.case = opts.cases;
  doc.counters.signal = signalNo;
  busy(doc, "C-1", random);
  return doc;
}

const LONG =
  "Afgesproken dat school, leerplicht en wijkteam elke twee weken samen kijken of de opbouw van het rooster " +
  "lukt; ouders worden steeds vooraf gebeld en krijgen het verslag; bij terugval eerst een gesprek met de " +
  "jeugdarts over de belastbaarheid, daarna pas een volgende stap in de route. ";

/**
 * Every big table has its busiest case: a year of work on one pupil, with 60 open agreements and 40 done, 30
 * long decisions, 15 MAS steps, a stuck reason and a note, far more than a card can show (issue #27 item 16).
 */
function busy(doc: TableDoc, caseId: string, random: () => number) {
  const kase = doc.cases.find((c) => c.id === caseId);
  if (!kase) return;
  const at = "2026-10-01T09:00:00.000Z";
  const by = MEMBER_IDS[1] as string;
  kase.note = LONG.repeat(2).slice(0, 480);
  kase.stuck = { reason: LONG.slice(0, 280), by, at };
  for (let a = 0; a < 100; a++) {
    doc.counters.action++;
    doc.actions.push({
      id: `A-${doc.counters.action}`,
      caseId,
      text: `${a + 1}. ${LONG}`.slice(0, 480),
      owner: MEMBER_IDS[1 + Math.floor(random() * 11)] as string,
      due: dateOf(dayNumber("2026-10-05") + a * 2),
      status: a < 60 ? "open" : "done",
      createdBy: by,
      createdAt: at,
      closedAt: null,
      closedBy: null,
      meetingId: null,
      reviewOn: null,
      reviews: [],
    });
  }
  for (let d = 0; d < 30; d++) {
    doc.counters.decision++;
    doc.decisions.push({
      id: `B-${doc.counters.decision}`,
      caseId,
      text: `${d + 1}. ${LONG}`.slice(0, 480),
      at: `${dateOf(dayNumber("2026-10-01") + d * 3)}T12:00:00.000Z`,
      by,
      meetingId: null,
      route: null,
      role: null,
      next: null,
      beyond: null,
      withdrawn: null,
    });
  }
  for (let i = 0; i < 15; i++) {
    doc.counters.intervention++;
    kase.interventions.push({
      id: `I-${doc.counters.intervention}`,
      kind: i % 3 === 0 ? "gesprek" : i % 3 === 1 ? "waarschuwing" : "vrijwillige-hulp",
      date: dateOf(dayNumber("2026-10-01") + i * 7),
      by,
      at,
      ageBand: "12-15",
      consent: false,
      note: LONG.slice(0, 200),
      route: i % 3 === 2 ? "R1" : null,
      civilVia: null,
      om: null,
    });
  }
}
