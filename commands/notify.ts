import type { CaseNotice } from "../src/core/rules/notices.ts";
import { translator } from "../src/i18n/index.ts";
import type { Store } from "../src/ports.ts";
import { noticePosts } from "./notices.ts";
import type { Post } from "./types.ts";

/** Notices found outside a command, as the posts every adapter knows how to deliver. */
export async function noticesAsPosts(
  store: Store,
  tableId: string,
  notices: readonly CaseNotice[],
): Promise<Post[]> {
  const doc = await store.read(tableId);
  const lang = doc.table.language;
  return noticePosts({ t: translator(lang), lang }, doc, notices);
}
