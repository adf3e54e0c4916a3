import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { App, type Logger as BoltLogger, HTTPReceiver, LogLevel } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { DispatchDeps } from "../../commands/dispatch.ts";
import type { SlackConfig } from "../../src/config.ts";
import { errorCode } from "../../src/infra/error-code.ts";
import { timeAcks } from "../../src/infra/metrics.ts";
import type { Logger, Store } from "../../src/ports.ts";
import { healthRoutes } from "../health.ts";
import { pageRoutes } from "../pages.ts";
import { registerEvents } from "./events.ts";
import { registerHandlers } from "./handlers.ts";
import { slackPoster } from "./notifier.ts";

export interface SlackAppOptions {
  config: SlackConfig;
  dispatch: DispatchDeps;
  store: Store;
  logger: Logger;
  /** Where Slack's Web API lives; tests keep the default and intercept it. */
  client?: WebClient;
}

/**
 * The Slack adapter: Bolt's HTTP receiver on `/slack/events` (or Socket Mode with an app token), signature
 * verification always on, every listener translating to the one dispatcher and rendering what comes back.
 */
export function createSlackApp(opts: SlackAppOptions) {
  const { config } = opts;
  const logger: BoltLogger = {
    debug: () => {},
    info: () => {},
    warn: () => {},
    error: () => opts.logger.error("slack-error", {}),
    setLevel: () => {},
    getLevel: () => LogLevel.ERROR,
    setName: () => {},
  };
  const app = new App({
    token: config.botToken,
    ...(config.appToken
      ? { socketMode: true, appToken: config.appToken, signingSecret: config.signingSecret }
      : { receiver: receiverOf(config.signingSecret, opts, logger) }),
    logLevel: LogLevel.ERROR,
    logger,
  });
  // One workspace per deployment: a correctly signed request from another workspace is not served.
  let ownTeam: string | undefined;
  // What listeners still do after their ack (the reply, the posts), so stopping can let it finish first.
  const running = new Set<Promise<unknown>>();
  app.use(async ({ context, next }) => {
    if (ownTeam !== undefined && context.teamId !== undefined && context.teamId !== ownTeam) {
      opts.logger.error("slack-foreign-workspace", {});
      return;
    }
    const work = next();
    running.add(work);
    try {
      await work;
    } finally {
      running.delete(work);
    }
  });
  const idle = async () => {
    while (running.size > 0) await Promise.allSettled([...running]);
  };
  const client = opts.client ?? app.client;
  const post = slackPoster(client, opts.store);
  const deps = { dispatch: opts.dispatch, store: opts.store, post };
  registerHandlers(app, deps);
  registerEvents(app, deps);
  app.error(async (e) => {
    opts.logger.error("slack-listener-failed", { code: errorCode(e) });
  });
  return {
    app,
    client,
    /** Starts the receiver; resolves with the port it listens on (HTTP) or null (Socket Mode). */
    async start(): Promise<number | null> {
      ownTeam = (await client.auth.test()).team_id;
      const server = await app.start(config.port);
      if (!config.appToken) timeAcks(server as Server, "slack", "/slack/events");
      const address = config.appToken ? null : (server as { address(): unknown }).address();
      return address && typeof address === "object" ? (address as { port: number }).port : null;
    },
    /** Resolves when every listener has finished what it does after its ack. */
    idle,
    /** Stops taking requests once the work already acknowledged is done. */
    async stop() {
      await idle();
      await app.stop();
    },
  };
}
export type SlackApp = ReturnType<typeof createSlackApp>;

/** Bolt checks that a timestamp is not older than 5 minutes; one from the future is refused as well. */
const MAX_SKEW_S = 300;

/**
 * Bolt's HTTP receiver with the health routes, and a request whose signed timestamp lies more than 5 minutes
 * ahead refused before Bolt sees it (Bolt 5.1 rejects only old ones; a future one could be replayed for longer).
 */
function receiverOf(signingSecret: string, opts: SlackAppOptions, logger: BoltLogger) {
  const receiver = new HTTPReceiver({
    signingSecret,
    customRoutes: [...healthRoutes(opts.store), ...pageRoutes],
    logger,
  });
  const listener = receiver.requestListener;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    const at = Number(req.headers["x-slack-request-timestamp"]);
    if (Number.isFinite(at) && at - Date.now() / 1000 > MAX_SKEW_S) {
      opts.logger.error("slack-timestamp-ahead", {});
      res.writeHead(401);
      res.end();
      return;
    }
    listener(req, res);
  };
  return receiver;
}
