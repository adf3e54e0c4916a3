import { readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { noticesAsPosts } from "../../commands/notify.ts";
import { outboundAsPosts } from "../../commands/outbound.ts";
import { createServices } from "../../src/bootstrap.ts";
import { databaseUrl, loadConfig } from "../../src/config.ts";
import { SettableClock } from "../../src/infra/clock.ts";
import { jsonLogger } from "../../src/infra/logger.ts";
import { StoreLockedError } from "../../src/store/lowdb/lock.ts";
import { renderPost } from "./render.ts";
import { createSession, parseClock } from "./session.ts";

const USAGE = `Gebruik: npm run console -- [--script BESTAND] [--data MAP | --memory] [--clock ISO-TIJD] [--as NAAM] [--out MAP] [--ja] [--cijfers CSV]`;

/**
 * The whole bot with no platform: an interactive console, or a script replayed line by line. Exits 0 unless
 * the script cannot be read (2) or the data cannot be opened (1).
 */
export async function runConsole(
  argv: string[],
  out = (s: string) => process.stdout.write(`${s}\n`),
): Promise<number> {
  let flags: ReturnType<typeof parse>;
  try {
    flags = parse(argv);
  } catch {
    out(USAGE);
    return 2;
  }
  let config: ReturnType<typeof loadConfig>;
  let database: string | null;
  try {
    config = loadConfig();
    // A data directory or memory asked for on the command line wins over a configured database.
    database = flags.memory || flags.data ? null : databaseUrl(config);
  } catch (e) {
    out((e as Error).message);
    return 1;
  }
  const start = flags.clock ? parseClock(flags.clock) : null;
  if (flags.clock && !start) {
    out(`Ongeldige --clock '${flags.clock}'. ${USAGE}`);
    return 2;
  }
  let script: string | null = null;
  if (flags.script) {
    try {
      script = await readFile(flags.script, "utf8");
    } catch {
      out(`Kan script '${flags.script}' niet lezen.`);
      return 2;
    }
  }
  const clock = new SettableClock(start);
  const dataDir = flags.memory ? null : (flags.data ?? config.TAFEL_DATA_DIR);
  let services: Awaited<ReturnType<typeof createServices>>;
  try {
    services = await createServices(config, {
      dataDir,
      databaseUrl: database,
      clock,
      logger: jsonLogger("error"),
      notifier: (store) => ({
        caseNotices: async (tableId, notices) => {
          for (const post of await noticesAsPosts(store, tableId, notices)) out(renderPost(post));
        },
        deliver: async (tableId, message) => {
          for (const post of await outboundAsPosts(store, tableId, message)) out(renderPost(post));
        },
      }),
    });
  } catch (e) {
    out(
      e instanceof StoreLockedError
        ? `De gegevensmap ${dataDir} is in gebruik door een ander Tafel-proces.`
        : `Kan de gegevens niet openen: ${(e as Error).message}`,
    );
    return 1;
  }
  const session = createSession(
    { ...services, scheduler: database ? null : services.scheduler },
    clock,
    flags.as ?? "voorzitter",
    script !== null,
    out,
    flags.out ?? "rapporten",
    flags.ja ?? false,
    flags.script ? dirname(flags.script) : ".",
  );
  try {
    // `--cijfers FILE`: the school's figures file is delivered first, as `@bestand FILE` and `cijfers` would.
    if (flags.cijfers) for (const line of [`@bestand ${flags.cijfers}`, "cijfers"]) await session.run(line);
    if (script !== null) {
      for (const line of script.split(/\r?\n/)) await session.run(line);
    } else {
      await repl(session, out, database ? "in PostgreSQL" : dataDir ? `in ${dataDir}` : null);
    }
  } finally {
    await services.store.close();
  }
  return 0;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      script: { type: "string" },
      data: { type: "string" },
      memory: { type: "boolean" },
      clock: { type: "string" },
      as: { type: "string" },
      out: { type: "string" },
      ja: { type: "boolean" },
      cijfers: { type: "string" },
    },
    strict: true,
  }).values;
}

async function repl(
  session: ReturnType<typeof createSession>,
  out: (s: string) => void,
  where: string | null,
) {
  out(
    `Tafel console — ${where ? `gegevens ${where}` : "alleen in geheugen"}. Typ 'help', '@as <naam>' om van persoon te wisselen, Ctrl-D om te stoppen.`,
  );
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  rl.setPrompt(`${session.actor}> `);
  if (process.stdin.isTTY) rl.prompt();
  for await (const line of rl) {
    await session.run(line);
    rl.setPrompt(`${session.actor}> `);
    if (process.stdin.isTTY) rl.prompt();
  }
}

if (import.meta.main) process.exitCode = await runConsole(process.argv.slice(2));
