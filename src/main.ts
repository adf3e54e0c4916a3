import { runConsole } from "../adapters/console/main.ts";

/**
 * Starts the adapters that are configured. With no platform credentials that is the console on the embedded
 * store, so `npm start` works on a fresh machine without any account.
 */
process.exitCode = await runConsole(process.argv.slice(2));
