import { createServer } from "node:http";
import { App, ExpressAdapter } from "@microsoft/teams.apps";
import { type DispatchDeps, dispatch } from "../../commands/dispatch.ts";
import { noticesAsPosts } from "../../commands/notify.ts";
import { outboundAsPosts } from "../../commands/outbound.ts";
import type { Post } from "../../commands/types.ts";
import type { TeamsConfig } from "../../src/config.ts";
import type { Logger, Notifier, Store } from "../../src/ports.ts";
import { seenRecently } from "../slack/dedupe.ts";
import { withBackoff } from "./backoff.ts";
import { postActivity, replyActivity, replyCard } from "./render.ts";
import { conversationOf, type InboundMessage, invocationOf, teamsConversationId } from "./translate.ts";

export interface TeamsAppOptions {
  config: TeamsConfig;
  dispatch: DispatchDeps;
  store: Store;
  logger: Logger;
}

const silent = { error() {}, warn() {}, info() {}, debug() {}, log() {}, child: () => silent } as never;

/**
 * The Teams adapter on the Teams SDK v2: `/api/messages` with the SDK's JWT validation always on (never its
 * unauthenticated switch), every message translated to the one dispatcher, answers as Adaptive Cards.
 */
export function createTeamsApp(opts: TeamsAppOptions) {
  const { config } = opts;
  const server = createServer();
  const app = new App({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    tenantId: config.tenantId,
    httpServerAdapter: new ExpressAdapter(server),
    logger: silent,
    // Mentions are read by invocationOf: the SDK's stripping would also remove the people a command names.
    activity: { mentions: { stripText: false } },
  });
  const seen = seenRecently();

  /** A person's own chat with the bot, for answers that are theirs alone. */
  async function personalChat(api: App["api"], userId: string, tenantId: string): Promise<string> {
    const chat = await withBackoff(() =>
      api.conversations.create({
        isGroup: false,
        bot: { id: config.clientId },
        members: [{ id: userId }],
        tenantId,
        channelData: { tenant: { id: tenantId } },
      } as never),
    );
    return chat.id;
  }

  async function deliverPost(api: App["api"], post: Post) {
    const doc = await opts.store.read(post.to.tableId);
    const to = post.to;
    const conversationId =
      to.kind === "table"
        ? teamsConversationId(doc.table.conversation)
        : await personalChat(api, doc.members.find((m) => m.handle === to.handle)?.id ?? "", config.tenantId);
    await withBackoff(() => api.conversations.activities(conversationId).create(postActivity(post) as never));
  }

  app.on("message", async ({ activity, api, send }) => {
    const a = activity as unknown as InboundMessage;
    if (a.id && seen(`activity:${a.id}`)) return;
    const outcome = await dispatch(opts.dispatch, invocationOf(a, config.tenantId, config.clientId));
    const answer = replyActivity(outcome.reply);
    if (outcome.reply.visibility === "private" && a.conversation.conversationType !== "personal") {
      const chat = await personalChat(api, a.from.id, a.conversation.tenantId ?? config.tenantId);
      await withBackoff(() => api.conversations.activities(chat).create(answer as never));
    } else await send(answer as never);
    for (const p of outcome.posts) await deliverPost(api, p);
  });

  /** A card button (Action.Execute): runs its command and answers with a card in place of the old one. */
  app.on("card.action", async ({ activity, api }) => {
    const value = (activity as unknown as { value?: { action?: { data?: { run?: string } } } }).value;
    const inbound = activity as unknown as InboundMessage;
    const outcome = await dispatch(opts.dispatch, {
      ...invocationOf(
        { ...inbound, text: value?.action?.data?.run ?? "help", entities: [] },
        config.tenantId,
        config.clientId,
      ),
    });
    for (const p of outcome.posts) await deliverPost(api, p);
    return {
      statusCode: 200,
      type: "application/vnd.microsoft.card.adaptive",
      value: replyCard(outcome.reply),
    } as never;
  });

  const notifier: Notifier = {
    async caseNotices(tableId, notices) {
      for (const p of await noticesAsPosts(opts.store, tableId, notices)) await deliverPost(app.api, p);
    },
    async deliver(tableId, message) {
      for (const p of await outboundAsPosts(opts.store, tableId, message)) await deliverPost(app.api, p);
    },
  };

  return {
    app,
    notifier,
    conversationOf,
    /** Starts `/api/messages`; resolves with the port it listens on. */
    async start(): Promise<number> {
      await app.start(config.port);
      const address = server.address();
      return address && typeof address === "object" ? address.port : config.port;
    },
    stop: () => app.stop(),
  };
}
export type TeamsApp = ReturnType<typeof createTeamsApp>;
