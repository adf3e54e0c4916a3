import type { Case, Member } from "./model.ts";
import { fail, ok, type Result } from "./result.ts";

/**
 * Regie: one holder or vacant, every change kept. Who may change it: the chair always; the holder may hand it
 * over or let go; anyone may take a vacant regie.
 */
export function setRegie(c: Case, holder: Member | null, actor: Member, at: string): Result<Case> {
  if (c.status === "closed") return fail("casus-al-gesloten", { id: c.id });
  const current = c.regie?.holder ?? null;
  const isChair = actor.role === "chair";
  const isHolder = current === actor.handle;
  if (holder === null) {
    if (current === null) return fail("regie-al-vacant", { id: c.id });
    if (!isChair && !isHolder) return fail("regie-niet-van-jou", { id: c.id, holder: current });
  } else {
    if (current === holder.handle) return fail("regie-al-bij", { id: c.id, holder: current });
    const takingVacant = current === null && holder.handle === actor.handle;
    if (!isChair && !isHolder && !takingVacant)
      return fail(current === null ? "regie-alleen-zelf" : "regie-niet-van-jou", {
        id: c.id,
        holder: current ?? "",
      });
  }
  c.regie = holder ? { holder: holder.handle, since: at } : null;
  c.regieHistory.push({ holder: holder?.handle ?? null, at, by: actor.handle });
  return ok(c);
}
