import type { WebClient } from "@slack/web-api";
import { noticesAsPosts } from "../../commands/notify.ts";
import { outboundAsPosts } from "../../commands/outbound.ts";
import type { Post } from "../../commands/types.ts";
import type { TableDoc } from "../../src/core/model.ts";
import { memberById } from "../../src/core/table.ts";
import { counted } from "../../src/infra/metrics.ts";
import type { Notifier, Store } from "../../src/ports.ts";
import { postThreaded, type Threaded } from "../threads.ts";
import { renderPost } from "./render.ts";
import { channelOf } from "./translate.ts";

/**
 * A table message in the table's channel: about a case, in that case's thread (the headline as a line of its own
 * in the channel); else in the channel.
 */
export function toChannel(
  client: WebClient,
  store: Store,
  doc: TableDoc,
  message: { text: string; blocks: unknown[] } & Record<string, unknown>,
  about: Threaded,
) {
  const channel = channelOf(doc.table.conversation);
  return postThreaded(
    store,
    doc,
    about,
    async (root) =>
      (await client.chat.postMessage({ channel, ...message, ...(root ? { thread_ts: root } : {}) } as never))
        .ts,
    (text) => client.chat.postMessage({ channel, ...renderPost({ text }) }),
  );
}

/**
 * Posts to a table's channel and direct messages to its members. The WebClient honours Retry-After on 429 and
 * queues behind it, which paces sends to Slack's limits; a send that still fails throws, so the scheduler retries.
 */
export function slackPoster(client: WebClient, store: Store) {
  return async function post(p: Post) {
    const doc = await store.read(p.to.tableId);
    const to = p.to;
    const table = channelOf(doc.table.conversation);
    const message = { ...renderPost(p, table), unfurl_links: false, unfurl_media: false };
    if (to.kind === "member") {
      const member = memberById(doc, to.id);
      if (member) await counted("slack", client.chat.postMessage({ channel: member.id, ...message }));
      return;
    }
    await counted("slack", toChannel(client, store, doc, message, p));
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
