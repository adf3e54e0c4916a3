import type { Language, Member, Region, Role, TableDoc } from "../core/model.ts";
import { fail, ok, type Result } from "../core/result.ts";
import { type Actor, addMember, memberByHandle, newTable, removeMember, tableIdFor } from "../core/table.ts";
import { act, type Deps } from "./context.ts";

export function makeTableUseCases(deps: Deps) {
  return {
    /** Sets up a table in a conversation; the one who sets it up becomes its chair. */
    async setup(input: {
      conversation: string;
      name: string;
      region: Region;
      language: Language;
      chair: Actor;
    }): Promise<Result<TableDoc>> {
      const doc = newTable({
        ...input,
        id: tableIdFor(input.conversation),
        at: deps.clock.now().toISOString(),
      });
      const created = await deps.store.create(doc);
      return created.ok ? ok(doc) : created;
    },

    addMember(tableId: string, actorId: string, person: Actor, role: Role, organisation: string | null) {
      return act(deps, tableId, actorId, ["chair"], (a) => {
        const r = addMember(a.doc, person, role, organisation, a.at);
        if (r.ok) a.audit(r.value.updated ? "lid.gewijzigd" : "lid.toegevoegd", null, r.value.member.handle);
        return r;
      });
    },

    removeMember(tableId: string, actorId: string, handle: string) {
      return act(deps, tableId, actorId, ["chair"], (a) => {
        const r = removeMember(a.doc, handle);
        if (r.ok) a.audit("lid.verwijderd", null, r.value.handle);
        return r;
      });
    },

    async members(tableId: string, actorId: string): Promise<Result<Member[]>> {
      const doc = await deps.store.read(tableId);
      if (!doc.members.some((m) => m.id === actorId)) return fail("geen-lid");
      return ok(doc.members);
    },
  };
}

/** Resolves `@handle` to a member of the table, for commands that name a partner. */
export function resolveMember(doc: TableDoc, handle: string): Result<Member> {
  const m = memberByHandle(doc, handle);
  return m ? ok(m) : fail("geen-lid-gevonden", { handle });
}
