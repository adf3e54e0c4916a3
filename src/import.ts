import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "./config.ts";
import { StoreLockedError } from "./store/lowdb/lock.ts";
import { openFileStore } from "./store/lowdb/store.ts";
import { importTables } from "./store/postgres/import.ts";
import { openPostgresStore } from "./store/postgres/store.ts";

const USAGE = "Gebruik: DATABASE_URL=postgres://… TAFEL_PUPIL_KEY=… npm run import -- --from-lowdb MAP";

const SAID = {
  overgezet: "overgezet en teruggelezen",
  "al-aanwezig": "stond er al, gelijk",
  verschilt: "NIET overgezet: de database heeft deze tafel of dit gesprek al, met andere inhoud",
} as const;

/**
 * `npm run import -- --from-lowdb DIR`: moves the tables of a stopped embedded deployment into PostgreSQL.
 * Prints per table its id and counts only. Exits 1 when a table was not moved, 2 on wrong use.
 */
async function main(argv: string[]): Promise<number> {
  let dir: string | undefined;
  try {
    dir = parseArgs({ args: argv, options: { "from-lowdb": { type: "string" } } }).values["from-lowdb"];
  } catch {
    dir = undefined;
  }
  if (!dir) {
    console.log(USAGE);
    return 2;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (e) {
    console.log((e as Error).message);
    return 2;
  }
  if (!config.DATABASE_URL) {
    console.log(`DATABASE_URL ontbreekt. ${USAGE}`);
    return 2;
  }
  if (!existsSync(join(dir, "index.json"))) {
    console.log(`${dir} is geen gegevensmap van Tafel (index.json ontbreekt).`);
    return 2;
  }
  // Pseudonyms are keyed: the database's instances must go on deriving the same keys as this directory did.
  const key = (await readFile(join(dir, "pupil.key"), "utf8").catch(() => null))?.trim().toLowerCase();
  if (!config.TAFEL_PUPIL_KEY) {
    console.log(
      key
        ? `TAFEL_PUPIL_KEY ontbreekt: zet hem op de sleutel in ${dir}/pupil.key, voor elke Tafel op deze database.`
        : `TAFEL_PUPIL_KEY ontbreekt: de sleutel waarmee ${dir} zijn leerling-sleutels maakte.`,
    );
    return 2;
  }
  if (key && key !== config.TAFEL_PUPIL_KEY.toLowerCase()) {
    console.log(
      `TAFEL_PUPIL_KEY verschilt van de sleutel in ${dir}/pupil.key; zet hem daarop en probeer opnieuw.`,
    );
    return 1;
  }
  let from: Awaited<ReturnType<typeof openFileStore>>;
  try {
    from = await openFileStore(dir);
  } catch (e) {
    console.log(
      e instanceof StoreLockedError
        ? `${dir} is in gebruik door een draaiende Tafel; stop die eerst.`
        : `Kan ${dir} niet openen: ${(e as Error).message}`,
    );
    return 1;
  }
  const to = await openPostgresStore(config.DATABASE_URL);
  try {
    const lines = await importTables(from, to);
    for (const l of lines)
      console.log(`${l.id}: ${SAID[l.outcome]} (${l.cases} casussen, ${l.actions} afspraken)`);
    console.log(
      `${lines.filter((l) => l.outcome !== "verschilt").length} van ${lines.length} tafels in PostgreSQL.`,
    );
    return lines.some((l) => l.outcome === "verschilt") ? 1 : 0;
  } finally {
    await from.close();
    await to.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
