import type { Language } from "../src/core/model.ts";
import type { Store } from "../src/ports.ts";

/** The language of the table set up in a conversation, or the deployment's default before there is one. */
export async function languageOf(store: Store, conversation: string, fallback: Language): Promise<Language> {
  const table = await store.tableFor(conversation);
  return table ? (await store.read(table.id)).table.language : fallback;
}
