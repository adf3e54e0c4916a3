import { App, LogLevel } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { DispatchDeps } from "../../commands/dispatch.ts";
import type { SlackConfig } from "../../src/config.ts";
import type { Logger, Store } from "../../src/ports.ts";
import { healthRoutes } from "../health.ts";
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
  const app = new App({
    token: config.botToken,
    signingSecret: config.signingSecret,
    ...(config.appToken
      ? { socketMode: true, appToken: config.appToken }
      : { customRoutes: healthRoutes(opts.store) }),
    logLevel: LogLevel.ERROR,
    logger: {
      debug: () => {},
      info: () => {},
      warn: () => {},
      error: () => opts.logger.error("slack-error", {}),
      setLevel: () => {},
      getLevel: () => LogLevel.ERROR,
      setName: () => {},
    },
  });
  const client = opts.client ?? app.client;
  const post = slackPoster(client, opts.store);
  const deps = { dispatch: opts.dispatch, store: opts.store, post };
  registerHandlers(app, deps);
  registerEvents(app, deps);
  app.error(async (e) => {
    opts.logger.error("slack-listener-failed", { code: (e as { code?: string }).code ?? e.name });
  });
  return {
    app,
    client,
    /** Starts the receiver; resolves with the port it listens on (HTTP) or null (Socket Mode). */
    async start(): Promise<number | null> {
      const server = await app.start(config.port);
      const address = config.appToken ? null : (server as { address(): unknown }).address();
      return address && typeof address === "object" ? (address as { port: number }).port : null;
    },
    stop: () => app.stop(),
  };
}
export type SlackApp = ReturnType<typeof createSlackApp>;
