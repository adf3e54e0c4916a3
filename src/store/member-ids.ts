import { FUNCTION_OF_LEGACY } from "../core/permissions.ts";

type Obj = Record<string, unknown>;
const list = (v: unknown) => (Array.isArray(v) ? (v as Obj[]) : []);

/**
 * Schema 3 → 4. Records named people by handle, so a second member with the same display name (two Anna's in
 * Teams) could take over the first one's regie and role; from schema 4 they name the member's id. A handle
 * that matches no member (someone removed before schema 4) is kept as it was: it is still what is shown.
 */
export function toMemberIds(doc: Obj): Obj {
  const members = list(doc.members);
  const idOf = new Map(members.map((m) => [String(m.handle).toLowerCase(), String(m.id)]));
  const id = (v: unknown) => (typeof v === "string" ? (idOf.get(v.toLowerCase()) ?? v) : v);
  const ref = (a: Obj) => ({ ...a, owner: id(a.owner) });
  return {
    ...doc,
    members: members.map((m) => ({
      ...m,
      role: FUNCTION_OF_LEGACY.get(String(m.role)) ?? "overig",
      boa: false,
      removedAt: null,
    })),
    cases: list(doc.cases).map((c) => {
      const regie = c.regie as Obj | null;
      return {
        ...c,
        openedBy: id(c.openedBy),
        regie: regie ? { ...regie, holder: id(regie.holder) } : null,
        regieHistory: list(c.regieHistory).map((h) => ({ ...h, holder: id(h.holder), by: id(h.by) })),
        signals: list(c.signals).map((s) => ({ ...s, raisedBy: id(s.raisedBy) })),
        interventions: list(c.interventions).map((i) => ({ ...i, by: id(i.by) })),
        duoReport: null,
        exemption: null,
        stuck: null,
        handedTo: null,
      };
    }),
    actions: list(doc.actions).map((a) => ({
      ...a,
      owner: id(a.owner),
      createdBy: id(a.createdBy),
      closedBy: id(a.closedBy),
    })),
    decisions: list(doc.decisions).map((d) => ({ ...d, by: id(d.by), withdrawn: null })),
    meetings: list(doc.meetings).map((m) => ({ ...m, startedBy: id(m.startedBy) })),
    audit: list(doc.audit).map((e) => ({
      ...e,
      actor: id(e.actor),
      ...(/^(lid|regie)\./.test(String(e.event)) ? { subject: id(e.subject) } : {}),
    })),
    outbox: list(doc.outbox).map((e) => {
      const m = e.message as Obj;
      if (m.kind === "dag")
        return {
          ...e,
          message: {
            ...m,
            to: id(m.to),
            dueSoon: list(m.dueSoon).map(ref),
            dueToday: list(m.dueToday).map(ref),
            overdue: list(m.overdue).map(ref),
            leadOverdue: list(m.leadOverdue).map(ref),
          },
        };
      if (m.kind === "week") return { ...e, message: { ...m, overdue: list(m.overdue).map(ref) } };
      if (m.kind === "mislukt") return { ...e, message: { ...m, recipient: id(m.recipient) } };
      return e;
    }),
  };
}
