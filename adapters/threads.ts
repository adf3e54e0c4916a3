import { ok } from "../src/core/result.ts";
import type { Store } from "../src/ports.ts";

/**
 * One thread per case (Slack `thread_ts`, a Teams channel's reply chain): the first table post about a case goes
 * to the channel and becomes the case's thread; every later one goes into it. The root is remembered with the
 * table's platform details, keyed by case id (never a user word), so every instance finds the same thread.
 */
const key = (caseId: string) => `thread:${caseId}`;

const threadOf = (doc: { platform: Record<string, string> }, caseId: string): string | undefined =>
  Object.hasOwn(doc.platform, key(caseId)) ? doc.platform[key(caseId)] : undefined;

/** The first root wins: two instances starting a case's thread at once keep the one stored first. */
async function remember(store: Store, tableId: string, caseId: string, root: string) {
  // Best effort: the message is out, so a store fault here must not make a retry post it twice; the case's
  // next post then starts its thread instead.
  await store
    .transact(tableId, (doc) => {
      if (!Object.hasOwn(doc.platform, key(caseId))) doc.platform[key(caseId)] = root;
      return ok(null);
    })
    .catch(() => undefined);
}

export interface Threaded {
  caseId?: string | undefined;
  headline?: string | undefined;
  threadCopy?: true | undefined;
}

/**
 * Sends a table message where it belongs. `send(root)` posts it in the thread of `root`, or in the channel when
 * there is none, and returns the new message's id; `line(text)` posts a short line in the channel. Without a
 * case the message goes to the channel. A headline goes to the channel beside a post in an existing thread; a
 * post that starts the thread is in the channel already.
 */
export async function postThreaded(
  store: Store,
  doc: { table: { id: string }; platform: Record<string, string> },
  about: Threaded,
  send: (root: string | undefined) => Promise<string | undefined>,
  line: (text: string) => Promise<unknown>,
): Promise<{ root: string | undefined }> {
  if (!about.caseId) {
    await send(undefined);
    return { root: undefined };
  }
  const root = threadOf(doc, about.caseId);
  const id = await send(root);
  if (!root && id) await remember(store, doc.table.id, about.caseId, id);
  if (root && about.headline) await line(about.headline);
  return { root };
}
