import {
  type Language,
  type Member,
  type Region,
  type Role,
  SCHEMA_VERSION,
  type TableDoc,
} from "./model.ts";
import { may } from "./permissions.ts";
import { fail, ok, type Result } from "./result.ts";

/** A file-safe table id derived from the conversation, so one conversation can only ever hold one table. */
export const tableIdFor = (conversation: string) =>
  conversation
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 80) || "tafel";

export interface Actor {
  /** Platform user id (Slack `U…`, Teams AAD id, console name). */
  id: string;
  handle: string;
}

export function newTable(input: {
  id: string;
  name: string;
  region: Region;
  language: Language;
  conversation: string;
  chair: Actor;
  at: string;
}): TableDoc {
  return {
    schemaVersion: SCHEMA_VERSION,
    table: {
      id: input.id,
      name: input.name,
      region: input.region,
      language: input.language,
      conversation: input.conversation,
      createdAt: input.at,
    },
    counters: {
      case: 0,
      signal: 0,
      action: 0,
      decision: 0,
      meeting: 0,
      intervention: 0,
      advice: 0,
      systemSignal: 0,
      schoolEvent: 0,
      investigation: 0,
      slot: 0,
      mdo: 0,
    },
    members: [
      {
        id: input.chair.id,
        handle: input.chair.handle,
        role: "voorzitter",
        boa: false,
        organisation: null,
        municipalities: [],
        addedAt: input.at,
        removedAt: null,
      },
    ],
    policy: {},
    calendar: { holidays: [], freeDays: [] },
    cases: [],
    actions: [],
    decisions: [],
    meetings: [],
    outbox: [],
    lastDigest: null,
    rulesCheckedOn: null,
    platform: {},
    schools: [],
    figures: [],
    advice: [],
    systemSignals: [],
    schoolEvents: [],
    slots: [],
    waiting: [],
    audit: [{ at: input.at, actor: input.chair.id, event: "tafel.opgezet", caseId: null, subject: null }],
  };
}

export const activeMembers = (doc: TableDoc): Member[] => doc.members.filter((m) => m.removedAt === null);

/** A member as they stand now: one who left is no member. */
export const memberById = (doc: TableDoc, id: string): Member | undefined =>
  doc.members.find((m) => m.id === id && m.removedAt === null);

/**
 * What a record's member id is shown as: the member's handle, also after they left. Records from before
 * schema 4 that named someone who had already left hold that handle, which is then its own name.
 */
export const nameOf = (doc: TableDoc, id: string): string =>
  doc.members.find((m) => m.id === id)?.handle ?? id;

/**
 * The member a typed `@name` means. A platform mention carries the id and decides alone; a bare name (the
 * console, a name typed without mentioning) is looked up by handle and refused when two members share it.
 */
export function findMember(doc: TableDoc, person: Actor): Result<Member> {
  if (person.id !== person.handle) {
    const m = memberById(doc, person.id);
    return m ? ok(m) : fail("geen-lid-gevonden", { handle: person.handle });
  }
  const named = activeMembers(doc).filter((m) => m.handle.toLowerCase() === person.handle.toLowerCase());
  if (named.length > 1) return fail("lid-dubbelzinnig", { handle: person.handle });
  return named[0] ? ok(named[0]) : fail("geen-lid-gevonden", { handle: person.handle });
}

/**
 * What was looked at or taken out (a case, a list, an export, the report), and the messages Tafel sent once they
 * leave the outbox: audited like every change, but not history of the table. The store keeps these in its read
 * log, out of the table document, with their own retention; the audit export reads both.
 */
const READS: ReadonlySet<string> = new Set([
  "casus.bekeken",
  "casussen.bekeken",
  "casus.gezocht",
  "mijn.bekeken",
  "overleg.agenda-bekeken",
  "overleg.notulen-bekeken",
  "tafel.geexporteerd",
  "audit.geexporteerd",
  "audit.bekeken",
  "rapport.gemaakt",
  "bericht.verzonden",
  "bericht.mislukt",
  "dashboard.regio",
  "casus.routering",
]);
export const isRead = (event: string) => READS.has(event);

export function audit(
  doc: TableDoc,
  at: string,
  actor: string,
  event: string,
  caseId: string | null = null,
  subject: string | null = null,
) {
  doc.audit.push({ at, actor, event, caseId, subject });
}

/**
 * Adds a member or changes their function. The organisation, municipalities and BOA status stay unless given again; BOA
 * status belongs to the leerplichtambtenaar and goes when the function changes.
 */
export function addMember(
  doc: TableDoc,
  person: Actor,
  role: Role,
  organisation: string | null,
  boa: boolean | null,
  at: string,
  municipalities: readonly string[] | null = null,
): Result<{ member: Member; updated: boolean }> {
  const found = findMember(doc, person);
  if (!found.ok && found.error.code === "lid-dubbelzinnig") return found;
  const existing = found.ok ? found.value : undefined;
  const keepsBoa = role === "leerplichtambtenaar";
  if (existing) {
    if (
      may(existing, "tafel-inrichten") &&
      !may({ role, boa: false }, "tafel-inrichten") &&
      chairCount(doc) === 1
    )
      return fail("laatste-voorzitter", { handle: existing.handle });
    existing.role = role;
    if (organisation !== null) existing.organisation = organisation;
    if (municipalities !== null) existing.municipalities = [...municipalities];
    existing.boa = keepsBoa && (boa ?? existing.boa);
    return ok({ member: existing, updated: true });
  }
  const member: Member = {
    id: person.id,
    handle: person.handle,
    role,
    boa: keepsBoa && (boa ?? false),
    organisation,
    municipalities: [...(municipalities ?? [])],
    addedAt: at,
    removedAt: null,
  };
  // Someone who left and comes back keeps one entry, so their history stays theirs.
  const former = doc.members.findIndex((m) => m.id === person.id);
  if (former >= 0) doc.members.splice(former, 1, member);
  else doc.members.push(member);
  return ok({ member, updated: false });
}

/** Someone must always be left who may run the table. */
const chairCount = (doc: TableDoc) => activeMembers(doc).filter((m) => may(m, "tafel-inrichten")).length;

/** A member who still holds regie or open agreements must hand them over first: nothing may be orphaned. */
export function removeMember(doc: TableDoc, person: Actor, at: string): Result<Member> {
  const found = findMember(doc, person);
  if (!found.ok) return found;
  const member = found.value;
  if (may(member, "tafel-inrichten") && chairCount(doc) === 1)
    return fail("laatste-voorzitter", { handle: member.handle });
  const regie = doc.cases.filter((c) => c.regie?.holder === member.id).map((c) => c.id);
  const actions = doc.actions.filter((a) => a.owner === member.id && a.status === "open").map((a) => a.id);
  if (regie.length > 0 || actions.length > 0)
    return fail("lid-heeft-werk", {
      handle: member.handle,
      items: [...regie, ...actions].join(", "),
    });
  member.removedAt = at;
  return ok(member);
}
