import {
  type Language,
  type Member,
  type Region,
  type Role,
  SCHEMA_VERSION,
  type TableDoc,
} from "./model.ts";
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
    counters: { case: 0, signal: 0, action: 0, decision: 0, meeting: 0, intervention: 0 },
    members: [
      {
        id: input.chair.id,
        handle: input.chair.handle,
        role: "chair",
        organisation: null,
        addedAt: input.at,
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
    audit: [{ at: input.at, actor: input.chair.handle, event: "tafel.opgezet", caseId: null, subject: null }],
  };
}

export const memberById = (doc: TableDoc, id: string): Member | undefined =>
  doc.members.find((m) => m.id === id);
export const memberByHandle = (doc: TableDoc, handle: string): Member | undefined =>
  doc.members.find((m) => m.handle.toLowerCase() === handle.toLowerCase());

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

export function addMember(
  doc: TableDoc,
  person: Actor,
  role: Role,
  organisation: string | null,
  at: string,
): Result<{ member: Member; updated: boolean }> {
  const existing = doc.members.find((m) => m.id === person.id) ?? memberByHandle(doc, person.handle);
  if (existing) {
    if (existing.role === "chair" && role !== "chair" && chairCount(doc) === 1)
      return fail("laatste-voorzitter", { handle: existing.handle });
    existing.role = role;
    existing.organisation = organisation;
    return ok({ member: existing, updated: true });
  }
  const member: Member = { id: person.id, handle: person.handle, role, organisation, addedAt: at };
  doc.members.push(member);
  return ok({ member, updated: false });
}

const chairCount = (doc: TableDoc) => doc.members.filter((m) => m.role === "chair").length;

/** A member who still holds regie or open agreements must hand them over first: nothing may be orphaned. */
export function removeMember(doc: TableDoc, handle: string): Result<Member> {
  const member = memberByHandle(doc, handle);
  if (!member) return fail("geen-lid-gevonden", { handle });
  if (member.role === "chair" && chairCount(doc) === 1)
    return fail("laatste-voorzitter", { handle: member.handle });
  const regie = doc.cases.filter((c) => c.regie?.holder === member.handle).map((c) => c.id);
  const actions = doc.actions
    .filter((a) => a.owner === member.handle && a.status === "open")
    .map((a) => a.id);
  if (regie.length > 0 || actions.length > 0)
    return fail("lid-heeft-werk", {
      handle: member.handle,
      items: [...regie, ...actions].join(", "),
    });
  doc.members.splice(doc.members.indexOf(member), 1);
  return ok(member);
}
