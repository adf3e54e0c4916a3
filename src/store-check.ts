import { checkDataDirectory, restoreTable } from "./store/lowdb/check.ts";
import { StoreLockedError } from "./store/lowdb/lock.ts";

const USAGE = "Gebruik: npm run store -- check|repair MAP, of npm run store -- restore MAP TAFEL [BACK-UP]";

/**
 * `npm run store -- check|repair DIR`: exits 0 when every table is whole (or was repaired), 1 otherwise, 2 on wrong
 * use. `restore DIR TABLE [BACKUP]` puts a backup (the newest by default) in place of the table's files.
 */
async function main([verb, dir, table, backup]: string[]): Promise<number> {
  if (verb === "restore" && dir && table) return restore(dir, table, backup);
  if ((verb !== "check" && verb !== "repair") || !dir) {
    console.error(USAGE);
    return 2;
  }
  try {
    const results = await checkDataDirectory(dir, verb === "repair");
    let whole = true;
    for (const r of results) {
      console.log(`${r.id}: ${r.problems.length === 0 ? "in orde" : "BESCHADIGD"}`);
      for (const p of r.problems) console.log(`  - ${p}`);
      for (const p of r.repaired) console.log(`  + ${p}`);
      if (r.problems.length > 0 && !r.fixed) whole = false;
    }
    return whole ? 0 : 1;
  } catch (e) {
    console.error(
      e instanceof StoreLockedError ? e.message : `Kan ${dir} niet lezen: ${(e as Error).message}`,
    );
    return 1;
  }
}

async function restore(dir: string, table: string, backup: string | undefined): Promise<number> {
  try {
    const used = await restoreTable(dir, table, backup);
    if (!used) {
      console.error(`Geen back-up${backup ? ` ${backup}` : ""} van tafel ${table} in ${dir}`);
      return 1;
    }
    console.log(`${table}: teruggezet uit back-up ${used}; wijzigingen van na die back-up zijn weg.`);
    return 0;
  } catch (e) {
    console.error(
      e instanceof StoreLockedError ? e.message : `Kan ${dir} niet terugzetten: ${(e as Error).message}`,
    );
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
