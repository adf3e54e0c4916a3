/**
 * B4: selecting what is due among 100,000 open agreements (DESIGN.md §9: ≤ 50 ms), against a naive selection that
 * asks, per member, each agreement whether today is its reminder day by walking the calendar back from its due date.
 */

import { buildCalendar, type SchoolCalendar } from "../src/core/calendar/calendar.ts";
import { dateOf, dayNumber } from "../src/core/calendar/days.ts";
import { blankCase } from "../src/core/cases.ts";
import type { Action, TableDoc } from "../src/core/model.ts";
import { dailyMessages } from "../src/core/reminders.ts";
import { type Policy, policyOf } from "../src/core/rules/policy.ts";
import { newTable } from "../src/core/table.ts";
import { dutchSchoolFreeDays } from "../src/infra/calendars.ts";
import { median, type Row, report, rng, time } from "./support.ts";

const ACTIONS = 100_000;
const MEMBERS = 200;
const CASES = 10_000;
const TODAY = "2027-03-10";

function generate(): TableDoc {
  const random = rng(7);
  const at = "2027-01-10T09:00:00.000Z";
  const doc = newTable({
    id: "bench",
    name: "Bench",
    region: "midden",
    language: "nl",
    conversation: "bench",
    chair: { id: "m0", handle: "m0" },
    at,
  });
  for (let m = 1; m < MEMBERS; m++)
    doc.members.push({
      id: `m${m}`,
      handle: `m${m}`,
      role: m % 5 === 0 ? "leerplichtambtenaar" : "zorgcoordinator",
      boa: false,
      organisation: null,
      municipalities: [],
      addedAt: at,
      removedAt: null,
    });
  for (let c = 0; c < CASES; c++) {
    const kase = blankCase(`C-${c + 1}`, `L-${String(c).padStart(6, "0")}`, "m1", at);
    if (random() < 0.8) kase.regie = { holder: `m${1 + Math.floor(random() * (MEMBERS - 1))}`, since: at };
    doc.cases.push(kase);
  }
  const today = dayNumber(TODAY);
  for (let a = 0; a < ACTIONS; a++) {
    const action: Action = {
      id: `A-${a + 1}`,
      caseId: `C-${1 + Math.floor(random() * CASES)}`,
      text: "afspraak",
      owner: `m${Math.floor(random() * MEMBERS)}`,
      due: dateOf(today - 30 + Math.floor(random() * 90)),
      status: "open",
      createdBy: "m0",
      createdAt: at,
      closedAt: null,
      closedBy: null,
      meetingId: null,
      reviewOn: null,
      reviews: [],
    };
    doc.actions.push(action);
  }
  return doc;
}

/** The naive way: per member, every agreement, the calendar walked day by day. */
function naive(doc: TableDoc, cal: SchoolCalendar, policy: Policy): number {
  const today = dayNumber(TODAY);
  let items = 0;
  for (const m of doc.members)
    for (const a of doc.actions) {
      if (a.status !== "open" || a.owner !== m.handle) continue;
      const due = dayNumber(a.due);
      let before = due - 1;
      let found = 0;
      for (; before > due - 60; before--)
        if (cal.isSchoolDay(before) && ++found === policy.reminderDaysBefore) break;
      if (due === today || due < today || before === today) items++;
    }
  return items;
}

export function runReminderBench(): Row[] {
  const cal = buildCalendar("midden", dutchSchoolFreeDays());
  const policy = policyOf({});
  const doc = generate();
  const engine = time(9, () => dailyMessages(doc, cal, policy, TODAY).length);
  const baseline = time(3, () => naive(doc, cal, policy));
  const engineMs = median(engine.ms);
  const naiveMs = median(baseline.ms);
  return [
    {
      id: "B4.due",
      what: `the day's reminders among ${ACTIONS.toLocaleString("en")} open agreements, ${CASES.toLocaleString("en")} cases, ${MEMBERS} members (${engine.last} messages)`,
      value: engineMs,
      unit: "ms",
      budget: "≤ 50 ms",
      ok: engineMs <= 50,
    },
    {
      id: "B4.naive",
      what: "naive per-member selection, same data, same run",
      value: naiveMs,
      unit: "ms",
      budget: "baseline",
      ok: true,
    },
    {
      id: "B4.ratio",
      what: "naive ÷ engine",
      value: naiveMs / engineMs,
      unit: "×",
      budget: "> 1×",
      ok: naiveMs > engineMs,
    },
  ];
}

if (import.meta.main) await report("reminders", runReminderBench());
