import { WebClient } from "@slack/web-api";
import { runConsole } from "../adapters/console/main.ts";
import { createSlackApp } from "../adapters/slack/app.ts";
import { slackNotifier } from "../adapters/slack/notifier.ts";
import { createServices } from "./bootstrap.ts";
import { loadConfig, slackConfig } from "./config.ts";
import { SettableClock } from "./infra/clock.ts";
import { jsonLogger } from "./infra/logger.ts";

/**
 * Starts the adapters that are configured. With no platform credentials that is the console on the embedded
 * store, so `npm start` works on a fresh machine without any account.
 */
const config = loadConfig();
const slack = slackConfig(config);
if (!slack) {
  process.exitCode = await runConsole(process.argv.slice(2));
} else {
  const logger = jsonLogger(config.TAFEL_LOG_LEVEL);
  const clock = new SettableClock();
  // Reminders get a client that gives up after two retries: the scheduler's own backoff takes it from there.
  const notify = new WebClient(slack.botToken, { retryConfig: { retries: 2 } });
  const services = await createServices(config, {
    dataDir: config.TAFEL_DATA_DIR,
    clock,
    logger,
    notifier: (store) => slackNotifier(notify, store),
  });
  const slackApp = createSlackApp({ config: slack, dispatch: services, store: services.store, logger });
  const port = await slackApp.start();
  logger.info("slack-started", { port, socketMode: port === null });
  const tick = () =>
    void services.scheduler.tick().catch((e: Error) => logger.error("tick-failed", { code: e.name }));
  tick();
  const ticker = setInterval(tick, 60_000);
  const stop = async () => {
    clearInterval(ticker);
    await slackApp.stop();
    await services.background.idle();
    await services.store.close();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
