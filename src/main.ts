import { WebClient } from "@slack/web-api";
import { runConsole } from "../adapters/console/main.ts";
import { createSlackApp } from "../adapters/slack/app.ts";
import { slackNotifier } from "../adapters/slack/notifier.ts";
import { createTeamsApp, type TeamsApp } from "../adapters/teams/app.ts";
import { createServices } from "./bootstrap.ts";
import { databaseUrl, loadConfig, slackConfig, teamsConfig } from "./config.ts";
import { SettableClock } from "./infra/clock.ts";
import { jsonLogger } from "./infra/logger.ts";
import type { Notifier } from "./ports.ts";
import { startBoss, startJobs } from "./scheduler/jobs.ts";

/**
 * Starts the adapters that are configured: Slack, Teams, or both side by side on one store. With no platform
 * credentials it is the console on the embedded store, so `npm start` works on a fresh machine without any account.
 */
const config = loadConfig();
const slack = slackConfig(config);
const teams = teamsConfig(config);
const database = databaseUrl(config);
if (!slack && !teams) {
  process.exitCode = await runConsole(process.argv.slice(2));
} else {
  const logger = jsonLogger(config.TAFEL_LOG_LEVEL);
  const clock = new SettableClock();
  let teamsApp: TeamsApp | undefined;
  const services = await createServices(config, {
    dataDir: config.TAFEL_DATA_DIR,
    databaseUrl: database,
    clock,
    logger,
    notifier: (store) => {
      // Reminders get a Slack client that gives up after two retries: the scheduler's own backoff takes over.
      const viaSlack = slack
        ? slackNotifier(new WebClient(slack.botToken, { retryConfig: { retries: 2 } }), store)
        : null;
      const route = async (tableId: string): Promise<Notifier | null> => {
        const conversation = (await store.read(tableId)).table.conversation;
        return conversation.startsWith("slack:")
          ? viaSlack
          : conversation.startsWith("teams:")
            ? (teamsApp?.notifier ?? null)
            : null;
      };
      return {
        caseNotices: async (tableId, notices) => (await route(tableId))?.caseNotices(tableId, notices),
        deliver: async (tableId, message) => (await route(tableId))?.deliver(tableId, message),
      };
    },
  });
  const stops: Array<() => Promise<unknown>> = [];
  if (slack) {
    const slackApp = createSlackApp({ config: slack, dispatch: services, store: services.store, logger });
    const port = await slackApp.start();
    logger.info("slack-started", { port, socketMode: port === null });
    stops.push(() => slackApp.stop());
  }
  if (teams) {
    const app = createTeamsApp({ config: teams, dispatch: services, store: services.store, logger });
    teamsApp = app;
    logger.info("teams-started", { port: await app.start() });
    stops.push(() => app.stop());
  }
  let ticker: NodeJS.Timeout | undefined;
  if (database) {
    // Several instances may run: pg-boss hands each minute's work to one of them.
    const boss = await startBoss(database, logger);
    const follower = await startJobs(boss, services);
    stops.unshift(() => boss.stop({ graceful: true, timeout: 30_000 }));
    // After the adapters: the last commands' ticks run before the store closes.
    stops.push(() => follower.idle());
  } else {
    const tick = () =>
      void services.scheduler.tick().catch((e: Error) => logger.error("tick-failed", { code: e.name }));
    tick();
    ticker = setInterval(tick, 60_000);
  }
  const stop = async () => {
    clearInterval(ticker);
    for (const s of stops) await s();
    await services.background.idle();
    await services.store.close();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
