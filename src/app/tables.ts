import type { Language, Member, Region, Role, TableDoc } from "../core/model.ts";
import { ask, fail, ok, type Result } from "../core/result.ts";
import {
  type Actor,
  activeMembers,
  addMember,
  memberById,
  newTable,
  removeMember,
  tableIdFor,
} from "../core/table.ts";
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

    addMember(
      tableId: string,
      actorId: string,
      person: Actor,
      role: Role,
      organisation: string | null,
      boa: boolean | null,
      municipalities: readonly string[] | null = null,
    ) {
      return act(deps, tableId, actorId, "tafel-inrichten", (a) => {
        const r = addMember(a.doc, person, role, organisation, boa, a.at, municipalities);
        if (r.ok) a.audit(r.value.updated ? "lid.gewijzigd" : "lid.toegevoegd", null, r.value.member.id);
        return r;
      });
    },

    removeMember(tableId: string, actorId: string, person: Actor, confirmed = true) {
      return act(deps, tableId, actorId, "tafel-inrichten", (a) => {
        const r = removeMember(a.doc, person, a.at);
        if (r.ok && !confirmed)
          return ask({
            handle: r.value.handle,
            role: `role.${r.value.role}`,
            self: r.value.id === a.me.id ? 1 : 0,
          });
        if (r.ok) a.audit("lid.verwijderd", null, r.value.id);
        return r;
      });
    },

    async members(tableId: string, actorId: string): Promise<Result<Member[]>> {
      const doc = await deps.store.read(tableId);
      if (!memberById(doc, actorId)) return fail("geen-lid");
      return ok(activeMembers(doc));
    },
  };
}
