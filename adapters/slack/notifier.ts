import type { WebClient } from "@slack/web-api";
import { noticesAsPosts } from "../../commands/notify.ts";
import { outboundAsPosts } from "../../commands/outbound.ts";
import type { Post } from "../../commands/types.ts";
import { memberById } from "../../src/core/table.ts";
import type { Notifier, Store } from "../../src/ports.ts";
import { renderPost } from "./render.ts";
import { channelOf } from "./translate.ts";

/**
 * Posts to a table's channel and direct messages to its members. The WebClient honours Retry-After on 429 and
 * queues behind it, which paces sends to Slack's limits; a send that still fails throws, so the scheduler retries.
 */
export function slackPoster(client: WebClient, store: Store) {
  return async function post(p: Post) {
    const doc = await store.read(p.to.tableId);
    const to = p.to;
    const channel = to.kind === "table" ? channelOf(doc.table.conversation) : memberById(doc, to.id)?.id;
    if (!channel) return;
    await client.chat.postMessage({
      channel,
      ...renderPost(p, channelOf(doc.table.conversation)),
      unfurl_links: false,
      unfurl_media: false,
    });
  };
}

export function slackNotifier(client: WebClient, store: Store): Notifier {
  const post = slackPoster(client, store);
  return {
    async caseNotices(tableId, notices) {
      for (const p of await noticesAsPosts(store, tableId, notices)) await post(p);
    },
    async deliver(tableId, message) {
      for (const p of await outboundAsPosts(store, tableId, message)) await post(p);
    },
  };
}
