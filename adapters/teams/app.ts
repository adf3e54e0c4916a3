import { createServer } from "node:http";
import { App, ExpressAdapter } from "@microsoft/teams.apps";
import { decode as decodeEntities } from "he";
import type { z } from "zod";
import { firstDelivery } from "../../commands/delivery.ts";
import { type DispatchDeps, dispatch, dispatchThen, errorText } from "../../commands/dispatch.ts";
import { formLine, quoted } from "../../commands/form-line.ts";
import { languageOf } from "../../commands/language.ts";
import { findCommand } from "../../commands/list/help.ts";
import { noticesAsPosts } from "../../commands/notify.ts";
import { outboundAsPosts } from "../../commands/outbound.ts";
import { COMMANDS } from "../../commands/registry.ts";
import { privateReply } from "../../commands/render.ts";
import type { Invocation, Outcome } from "../../commands/types.ts";
import type { TeamsConfig } from "../../src/config.ts";
import { TEAMS_CLOUD_HOSTS } from "../../src/config.ts";
import { translator } from "../../src/i18n/index.ts";
import { timeAcks } from "../../src/infra/metrics.ts";
import type { Logger, Notifier, Store } from "../../src/ports.ts";
import { healthRoutes } from "../health.ts";
import { pageRoutes } from "../pages.ts";
import { callerGuard, TEAMS_CHANNEL } from "./callers.ts";
import { dialog, formCard, openerCard } from "./dialogs.ts";
import { downloads, fileBlocks, fileLine } from "./files.ts";
import {
  CardAction,
  DialogOpen,
  DialogSubmit,
  EdgeFields,
  InboundMessage,
  MessageAction,
  parseInbound,
} from "./inbound.ts";
import { replyActivity, replyCard } from "./render.ts";
import { teamsSender } from "./sender.ts";
import { conversationOf, invocationOf, teamsConversationId, typesPupilNumber } from "./translate.ts";
import { figuresFromChat } from "./uploads.ts";

/**
 * The SDK's errors and warnings reach our log as codes only (a warning by its first words, which are the SDK's
 * own: "DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS is set"); its chatter, which can carry activity text, does not.
 */
function sdkLogger(logger: Logger) {
  const quiet = () => {};
  const self: Record<string, unknown> = {
    error: (...args: unknown[]) => {
      const e = args.find((a) => a instanceof Error) as Error | undefined;
      logger.error("teams-sdk-error", { code: e?.name ?? "error" });
    },
    warn: (...args: unknown[]) => {
      const first = typeof args[0] === "string" ? args[0] : "";
      logger.error("teams-sdk-warning", { code: /^[\w[\]. -]{1,60}/.exec(first)?.[0] ?? "warning" });
    },
    info: quiet,
    debug: quiet,
    log: quiet,
    trace: quiet,
  };
  self.child = () => self;
  return self as never;
}

/** Teams waits about 15 s for an answer: what Teams asks to wait beyond this goes to the outbox instead. */
const INBOUND_WAIT_MS = 5_000;

export interface TeamsAppOptions {
  config: TeamsConfig;
  dispatch: DispatchDeps;
  store: Store;
  logger: Logger;
}

/**
 * The Teams adapter on the Teams SDK v2: `/api/messages` with the SDK's JWT validation always on (never its
 * unauthenticated switch), every message translated to the one dispatcher, answers as Adaptive Cards.
 */
export function createTeamsApp(opts: TeamsAppOptions) {
  const { config } = opts;
  const server = createServer();
  timeAcks(server, "teams", "/api/messages");
  const http = new ExpressAdapter(server);
  const files = downloads({
    secret: config.clientSecret,
    host: config.publicHost,
    store: opts.store,
    logger: opts.logger,
    run: (inv) => dispatch(opts.dispatch, inv),
  });
  for (const route of [...healthRoutes(opts.store), ...pageRoutes, files.route])
    http.get(route.path, route.handler);
  // Ahead of the SDK's own route: only the connector, or an allowed caller, gets that far (callers.ts).
  const guard = {
    tenantId: config.tenantId,
    allowedCallers: config.allowedCallers ?? [],
    logger: opts.logger,
  };
  http.post("/api/messages", callerGuard(guard));
  const app = new App({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    tenantId: config.tenantId,
    httpServerAdapter: http,
    // Explicitly off: left undefined, the SDK reads DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS from the environment.
    dangerouslyAllowUnauthenticatedRequests: false,
    logger: sdkLogger(opts.logger),
    // Mentions are read by invocationOf: the SDK's stripping would also remove the people a command names.
    activity: { mentions: { stripText: false } },
  });
  /**
   * Only activities of the configured tenant, from a service URL on Microsoft's hosts: Tafel answers there with its
   * connector token, and a token the SDK accepts (an Entra-issued one) does not bind the service URL itself.
   */
  const hosts = new Set(config.serviceUrlHosts ?? TEAMS_CLOUD_HOSTS);
  app.use(async ({ activity, next }) => {
    const a = EdgeFields.safeParse(activity).data;
    const tenant = a?.conversation?.tenantId ?? a?.channelData?.tenant?.id;
    const url = URL.canParse(a?.serviceUrl ?? "") ? new URL(a?.serviceUrl as string) : null;
    if (tenant !== config.tenantId) return void opts.logger.error("teams-foreign-tenant", {});
    // The connector's key is endorsed for Teams (callers.ts): an activity of another channel is not Teams'.
    if (a?.channelId !== TEAMS_CHANNEL) return void opts.logger.error("teams-foreign-channel", {});
    if (url?.protocol !== "https:" || !hosts.has(url.hostname.toLowerCase()))
      return void opts.logger.error("teams-untrusted-service-url", {});
    return next();
  });

  const parse = <S extends z.ZodType>(schema: S, activity: unknown, kind: string) =>
    parseInbound(schema, activity, kind, (event, fields) => opts.logger.error(event, fields));
  /** A dialog or action of another shape, or of a command that no longer exists: said politely, in the dialog. */
  const stale = () => translator(opts.dispatch.defaultLanguage)("kaart.verouderd");
  const outOfDate = () => ({ task: { type: "message", value: stale() } }) as never;

  /** An activity Teams delivered again, to this instance or another: its command ran the first time. */
  const repeated = async (a: { id?: string | undefined }) =>
    a.id !== undefined && !(await firstDelivery(opts.store, opts.logger, `activity:${a.id}`));

  const sender = teamsSender({ app, config, store: opts.store, logger: opts.logger });
  const { remember, deliverPost } = sender;
  /** Waiting Teams asks for inside an inbound request, before a message is kept for the scheduler instead. */
  const budget = () => Date.now() + INBOUND_WAIT_MS;

  /** Private answers in a channel or group chat go to the person's own chat with the bot; others stay. */
  async function answer(
    api: App["api"],
    a: InboundMessage,
    inv: Invocation,
    outcome: Outcome,
    deadline: number,
    table = tableOf(a),
  ) {
    const here = conversationOf(a.conversation.tenantId ?? config.tenantId, a.conversation.id);
    // First contact: from now on the table is reached at the service URL this conversation came from; whether
    // it is a channel says whether its cases get reply chains.
    const kind = a.conversation.conversationType;
    if (a.serviceUrl)
      await remember(here, { serviceUrl: a.serviceUrl, ...(kind ? { conversationType: kind } : {}) });
    // Files are not in a card: each gets a link that runs its line again (typed, or the file's own) for this member.
    const names = fileBlocks(outcome.reply.blocks).map(
      (b) => [b.file ?? "", fileLine(b) ?? inv.text] as const,
    );
    const cardFiles = names.length
      ? {
          links: new Map(
            names.map(([file, line]) => [file, files.link({ table, actor: inv.actor, line, file })]),
          ),
          t: (await words(a, table)).t,
        }
      : undefined;
    const activity = replyActivity(outcome.reply, table, cardFiles);
    if (outcome.reply.visibility === "private") {
      const to = kind !== "personal" ? { member: a.from.id } : { conversation: a.conversation.id };
      await sender.sendOrKeep(api, to, activity, table, deadline);
    } else if (!(await sender.aboutCase(outcome.reply, here, table, deadline, activity, true)))
      // Where it was typed, in the reply chain it was typed in.
      await sender.sendOrKeep(api, { conversation: a.conversation.id }, activity, table, deadline);
    for (const p of outcome.posts) await deliverPost(p, deadline);
  }

  /**
   * The table an activity acts on: the one a card's button or dialog names (of this tenant only; dispatch then
   * refuses anyone who is not its member), else the conversation it came from.
   */
  function tableOf(a: InboundMessage, named?: unknown): string {
    if (typeof named === "string" && named.startsWith(`teams:${config.tenantId}:`)) return named;
    return conversationOf(a.conversation.tenantId ?? config.tenantId, a.conversation.id);
  }

  async function words(a: InboundMessage, table = tableOf(a)) {
    const lang = await languageOf(opts.store, table, opts.dispatch.defaultLanguage);
    return { lang, t: translator(lang) };
  }

  app.on("message", async ({ activity, api, files: attached }) => {
    const deadline = budget();
    // Without a sender and a conversation there is no one to answer: logged only.
    const a = parse(InboundMessage, activity, "message");
    if (!a || (await repeated(a))) return;
    const inv = invocationOf(a, config.tenantId, config.clientId);
    // A file reaches a bot only in the person's own chat: figures, for the table they deliver to.
    const upload =
      a.conversation.conversationType === "personal" && (await figuresFromChat(opts, inv, attached));
    if (upload)
      return answer(api, a, { ...inv, conversation: upload.table }, upload.outcome, deadline, upload.table);
    // A command typed without arguments that declares a form (by name or alias) opens it, as in Slack.
    const formCommand = findCommand(COMMANDS, inv.text.toLowerCase());
    if (formCommand?.form) {
      const name = formCommand.name;
      const { t } = await words(a);
      const card = {
        type: "message",
        attachments: [
          {
            contentType: "application/vnd.microsoft.card.adaptive",
            content: openerCard(name, t("teams.form.open"), {}, inv.conversation),
          },
        ],
      };
      await sender.sendOrKeep(
        api,
        { conversation: teamsConversationId(inv.conversation) },
        card,
        inv.conversation,
        deadline,
      );
      return;
    }
    const pupilCommand = a.conversation.conversationType !== "personal" ? typesPupilNumber(inv.text) : null;
    if (pupilCommand) {
      // A Teams message is seen by everyone in the conversation: a pupil number belongs in the form.
      const { t } = await words(a);
      const card = {
        type: "message",
        text: t("teams.pupil.visible"),
        attachments: [
          {
            contentType: "application/vnd.microsoft.card.adaptive",
            content: openerCard(pupilCommand, t("teams.form.open"), {}, inv.conversation),
          },
        ],
      };
      await sender.sendOrKeep(api, { member: a.from.id }, card, inv.conversation, deadline);
      return;
    }
    await dispatchThen(opts.dispatch, inv, (outcome) => answer(api, a, inv, outcome, deadline));
  });

  /** Installed again where a table already meets: remember where that conversation is reached now. */
  app.on("install.add", async ({ activity }) => {
    const a = parse(InboundMessage, activity, "install");
    if (a?.serviceUrl)
      await remember(conversationOf(a.conversation.tenantId ?? config.tenantId, a.conversation.id), {
        serviceUrl: a.serviceUrl,
      });
  });

  /** A dialog (task module) with the form of a command, from a card button. */
  app.on("dialog.open", async ({ activity }) => {
    const a = parse(DialogOpen, activity, "dialog.open");
    const command = a && findCommand(COMMANDS, a.value.data.tafelForm);
    if (!a || !command) return outOfDate();
    const { data } = a.value;
    const table = tableOf(a, data.table);
    const { lang, t } = await words(a, table);
    return dialog(
      command.summary[lang].slice(0, 60),
      formCard(command, lang, t, data.prefill ?? {}, undefined, table),
    ) as never;
  });

  /** The dialog's answers, read by the same parser as typed commands; an error sends the form back with it. */
  app.on("dialog.submit", async ({ activity, api }) => {
    const deadline = budget();
    const a = parse(DialogSubmit, activity, "dialog.submit");
    const command = a && findCommand(COMMANDS, a.value.data.tafelForm ?? "");
    if (!a || !command) return outOfDate();
    const { data } = a.value;
    const table = tableOf(a, data.table);
    const { lang, t } = await words(a, table);
    if (await repeated(a)) return { task: { type: "message", value: t("teams.form.saved") } } as never;
    const { text, mentions } = formLine(command, data);
    const inv = {
      ...invocationOf({ ...a, text, entities: [] }, config.tenantId, config.clientId),
      conversation: table,
      mentions,
    };
    const outcome = await dispatch(opts.dispatch, inv);
    if (outcome.reply.error)
      return dialog(
        command.summary[lang].slice(0, 60),
        formCard(command, lang, t, data, errorText(t, outcome.reply.error, lang), table),
      ) as never;
    await answer(api, a, inv, outcome, deadline, table);
    // A lookup (`zoek`) changed nothing: its answer waits in the person's chat.
    const looked = outcome.reply.visibility === "private" && outcome.posts.length === 0;
    return {
      task: { type: "message", value: t(looked ? "teams.form.answered" : "teams.form.saved") },
    } as never;
  });

  /** The message action "Vastleggen als besluit": the message's text becomes a decision of the case named. */
  app.on("message.ext.submit", async ({ activity }) => {
    const a = parse(MessageAction, activity, "message.ext.submit");
    if (a?.value.commandId !== "besluitVastleggen") return outOfDate();
    if (await repeated(a))
      return { task: { type: "message", value: (await words(a)).t("teams.repeat") } } as never;
    // The message's HTML as text: tags out, then every entity decoded by `he` (`&amp;`, `&#39;`, `&eacute;` …).
    const body = decodeEntities((a.value.messagePayload?.body?.content ?? "").replace(/<[^>]*>/g, " "))
      .replace(/\s+/g, " ")
      .trim();
    const line = `besluit ${a.value.data?.id ?? ""} ${quoted(body.slice(0, 500))}`;
    const outcome = await dispatch(opts.dispatch, {
      ...invocationOf({ ...a, text: line, entities: [] }, config.tenantId, config.clientId),
    });
    if (!outcome.reply.error) for (const p of outcome.posts) await deliverPost(p, budget());
    // The whole answer, as every command's, in the dialog the action opened.
    return dialog("Tafel", replyCard(outcome.reply, tableOf(a))) as never;
  });

  /** A card button (Action.Execute): runs its command and answers with a card in place of the old one. */
  app.on("card.action", async ({ activity }) => {
    const inbound = parse(CardAction, activity, "card.action");
    if (!inbound)
      return {
        statusCode: 200,
        type: "application/vnd.microsoft.card.adaptive",
        value: replyCard(
          privateReply(undefined, translator(opts.dispatch.defaultLanguage)("kaart.verouderd")),
        ),
      } as never;
    const { data } = inbound.value.action;
    const table = tableOf(inbound, data.table);
    if (await repeated(inbound))
      return {
        statusCode: 200,
        type: "application/vnd.microsoft.card.adaptive",
        value: replyCard(privateReply(undefined, (await words(inbound, table)).t("teams.repeat"))),
      } as never;
    const inv = {
      ...invocationOf(
        { ...inbound, text: data.run ?? "help", entities: [] },
        config.tenantId,
        config.clientId,
      ),
      conversation: table,
    };
    return dispatchThen(opts.dispatch, inv, async (outcome) => {
      // The card is answered in place; what the table must read goes to the case's chain when clicked elsewhere.
      const here = conversationOf(inbound.conversation.tenantId ?? config.tenantId, inbound.conversation.id);
      if (here !== table)
        await sender.aboutCase(
          outcome.reply,
          here,
          table,
          budget(),
          replyActivity(outcome.reply, table),
          false,
        );
      for (const p of outcome.posts) await deliverPost(p, budget());
      return {
        statusCode: 200,
        type: "application/vnd.microsoft.card.adaptive",
        value: replyCard(outcome.reply, table),
      } as never;
    });
  });

  const notifier: Notifier = {
    async caseNotices(tableId, notices) {
      for (const p of await noticesAsPosts(opts.store, tableId, notices)) await deliverPost(p);
    },
    async deliver(tableId, message) {
      if (message.kind === "platform") return sender.sendKept(tableId, message);
      for (const p of await outboundAsPosts(opts.store, tableId, message)) await deliverPost(p);
    },
  };

  return {
    app,
    notifier,
    conversationOf,
    /** Starts `/api/messages`; resolves with the port it listens on. */
    async start(): Promise<number> {
      // The SDK reads port 0 as "$PORT or 3978" (so "0", which listen() takes as 0) and swallows a failed listen.
      await app.start(config.port === 0 ? ("0" as unknown as number) : config.port);
      const at = server.address();
      if (at && typeof at === "object") return at.port;
      throw new Error(`Teams: could not listen on ${config.port}`);
    },
    stop: () => app.stop(),
  };
}
export type TeamsApp = ReturnType<typeof createTeamsApp>;
