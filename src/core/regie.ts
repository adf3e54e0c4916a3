import type { Case, Member } from "./model.ts";
import { may } from "./permissions.ts";
import { fail, ok, type Result } from "./result.ts";

/**
 * Regie: one holder or vacant, every change kept. Who may change it: who may change others' work (the chair) always; the holder may hand it
 * over or let go; anyone may take a vacant regie.
 */
export function setRegie(
  c: Case,
  holder: Member | null,
  actor: Member,
  at: string,
  nameOf: (id: string) => string,
): Result<Case> {
  if (c.status === "closed") return fail("casus-al-gesloten", { id: c.id });
  const current = c.regie?.holder ?? null;
  const isChair = may(actor, "werk-van-anderen");
  const isHolder = current === actor.id;
  if (holder === null) {
    if (current === null) return fail("regie-al-vacant", { id: c.id });
    if (!isChair && !isHolder) return fail("regie-niet-van-jou", { id: c.id, holder: nameOf(current) });
  } else {
    if (current === holder.id) return fail("regie-al-bij", { id: c.id, holder: holder.handle });
    const takingVacant = current === null && holder.id === actor.id;
    if (!isChair && !isHolder && !takingVacant)
      return fail(current === null ? "regie-alleen-zelf" : "regie-niet-van-jou", {
        id: c.id,
        holder: current === null ? "" : nameOf(current),
      });
  }
  c.regie = holder ? { holder: holder.id, since: at } : null;
  c.regieHistory.push({ holder: holder?.id ?? null, at, by: actor.id });
  return ok(c);
}
