import type { SchoolCalendar } from "./calendar/calendar.ts";
import { dayNumber } from "./calendar/days.ts";
import type {
  ADVICE_TOPICS,
  Advice,
  AUDIENCES,
  SCHOOL_EVENT_KINDS,
  SchoolEvent,
  SYSTEM_SIGNAL_STATUSES,
  SystemSignal,
  TableDoc,
} from "./model.ts";
import { fail, ok, type Result } from "./result.ts";
import { schoolByCode, unknownSchool } from "./schools.ts";

/**
 * Leerplicht's work at school level, with no pupil in it (issue #28 items 4–6): advice to a school with a date to
 * follow it up (FR-12), bottlenecks across schools for the policy agenda (FR-13), and the officer's own preventive
 * actions at a school (FR-44). Each names schools the table records.
 */
export type AdviceTopic = (typeof ADVICE_TOPICS)[number];
export type SystemSignalStatus = (typeof SYSTEM_SIGNAL_STATUSES)[number];
export type SchoolEventKind = (typeof SCHOOL_EVENT_KINDS)[number];
export type Audience = (typeof AUDIENCES)[number];

const known = (doc: TableDoc, code: string): Result<string> =>
  schoolByCode(doc, code) ? ok(code) : unknownSchool(doc, code);

export function addAdvice(
  doc: TableDoc,
  input: { school: string; topic: AdviceTopic; text: string; followUp: string | null },
  by: string,
  at: string,
  today: string,
): Result<Advice> {
  const school = known(doc, input.school);
  if (!school.ok) return school;
  if (input.followUp !== null && input.followUp < today) return fail("datum-verleden");
  doc.counters.advice++;
  const advice: Advice = {
    id: `AD-${doc.counters.advice}`,
    school: input.school,
    topic: input.topic,
    text: input.text,
    followUp: input.followUp,
    followedUpAt: null,
    by,
    at,
  };
  doc.advice.push(advice);
  return ok(advice);
}

/** The follow-up of an advice was done: its reminder stops. */
export function followedUp(doc: TableDoc, id: string, at: string): Result<Advice> {
  const advice = doc.advice.find((a) => a.id === id);
  if (!advice) return fail("advies-onbekend", { id });
  if (advice.followUp === null || advice.followedUpAt !== null) return fail("advies-geen-opvolging", { id });
  advice.followedUpAt = at;
  return ok(advice);
}

export function addSystemSignal(
  doc: TableDoc,
  input: { text: string; schools: readonly string[]; theme: string | null },
  by: string,
  at: string,
): Result<SystemSignal> {
  for (const code of input.schools) {
    const school = known(doc, code);
    if (!school.ok) return school;
  }
  doc.counters.systemSignal++;
  const signal: SystemSignal = {
    id: `SY-${doc.counters.systemSignal}`,
    text: input.text,
    schools: [...new Set(input.schools)],
    theme: input.theme,
    status: "nieuw",
    by,
    at,
    changedAt: at,
  };
  doc.systemSignals.push(signal);
  return ok(signal);
}

export function setSystemSignalStatus(
  doc: TableDoc,
  id: string,
  status: SystemSignalStatus,
  at: string,
): Result<SystemSignal> {
  const signal = doc.systemSignals.find((s) => s.id === id);
  if (!signal) return fail("systeemsignaal-onbekend", { id });
  signal.status = status;
  signal.changedAt = at;
  return ok(signal);
}

/** A preventive action as `preventief` reads it, before it is checked and numbered. */
export interface SchoolEventInput {
  school: string;
  kind: SchoolEventKind;
  audience: Audience | null;
  date: string;
  note: string | null;
}

export function addSchoolEvent(
  doc: TableDoc,
  input: SchoolEventInput,
  by: string,
  at: string,
  today: string,
): Result<SchoolEvent> {
  const school = known(doc, input.school);
  if (!school.ok) return school;
  if (input.date > today) return fail("actie-in-toekomst");
  doc.counters.schoolEvent++;
  const event: SchoolEvent = {
    id: `PA-${doc.counters.schoolEvent}`,
    school: input.school,
    kind: input.kind,
    audience: input.audience,
    date: input.date,
    note: input.note,
    by,
    at,
  };
  doc.schoolEvents.push(event);
  return ok(event);
}

export interface AdviceDue {
  id: string;
  school: string;
  topic: AdviceTopic;
  followUp: string;
  overdue: boolean;
}

/**
 * Advice whose follow-up is due, for the officer who gave it, as an agreement's due date is told: on the day, and
 * once a school week while it is overdue.
 */
export function adviceDue(doc: TableDoc, cal: SchoolCalendar, date: string): Map<string, AdviceDue[]> {
  const today = dayNumber(date);
  const out = new Map<string, AdviceDue[]>();
  for (const a of doc.advice) {
    if (a.followUp === null || a.followedUpAt !== null || a.followUp > date) continue;
    const late = cal.schoolDaysBetween(dayNumber(a.followUp) + 1, today);
    if (a.followUp !== date && late % 5 !== 0) continue;
    const due = {
      id: a.id,
      school: a.school,
      topic: a.topic,
      followUp: a.followUp,
      overdue: a.followUp < date,
    };
    out.set(a.by, [...(out.get(a.by) ?? []), due]);
  }
  return out;
}
