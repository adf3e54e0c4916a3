import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { type Adapter, Low, Memory } from "lowdb";
import { z } from "zod";
import { RegionDoc } from "../../core/model-region.ts";
import type { Result } from "../../core/result.ts";
import type { RegionStore } from "../../ports.ts";
import { regionSaveAllowed } from "../region-rules.ts";
import type { TableCheck } from "./check.ts";
import { DurableJsonFile } from "./durable-file.ts";
import { writeVerified } from "./verified-write.ts";

const RegionsFile = z.strictObject({ schemaVersion: z.literal(1), regions: z.array(RegionDoc) });
type RegionsFile = z.infer<typeof RegionsFile>;

/** A region file that does not fit is refused at open, as a damaged table is: never started without it. */
export class RegionsDamaged extends Error {
  readonly code = "EREGIONS";
  constructor(path: string) {
    super(
      `${path} is damaged: run \`npm run store -- repair\` on the data directory (it restores the regions from their newest backup)`,
    );
  }
}

const regionsPath = (dir: string) => join(dir, "regions.json");
/** One copy a day the regions changed, beside the tables' backups: what `repair` restores a damaged file from. */
const backupName = (day: string) => `regions-${day}.json`;

/**
 * The embedded store's regions: one small file beside the index, rewritten whole (durably, as the index is) on a
 * change. One process holds the directory, so a queue orders the saves.
 */
export class LowRegions implements RegionStore {
  private readonly db: Low<RegionsFile>;
  private readonly fence: () => Promise<void>;
  private readonly backUp: (data: RegionsFile) => Promise<unknown>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    adapter: Adapter<RegionsFile>,
    fence: () => Promise<void>,
    backUp: (data: RegionsFile) => Promise<unknown> = async () => {},
  ) {
    this.db = new Low(adapter, { schemaVersion: 1, regions: [] });
    this.fence = fence;
    this.backUp = backUp;
  }

  static memory() {
    return new LowRegions(new Memory<RegionsFile>(), async () => {});
  }

  static async file(dir: string, fence: () => Promise<void>, now: () => Date) {
    const path = regionsPath(dir);
    const regions = new LowRegions(
      new DurableJsonFile(path, (raw) => {
        const parsed = RegionsFile.safeParse(raw);
        if (!parsed.success) throw new RegionsDamaged(path);
        return parsed.data;
      }),
      fence,
      (data) =>
        writeVerified(
          join(dir, "backups", backupName(now().toISOString().slice(0, 10))),
          JSON.stringify(data),
        ),
    );
    await regions.db.read().catch((e) => {
      throw e instanceof SyntaxError ? new RegionsDamaged(path) : e;
    });
    return regions;
  }

  async all() {
    return structuredClone(this.db.data.regions);
  }

  async of(tableId: string) {
    const found = this.db.data.regions.find((r) => r.tables.includes(tableId));
    return found ? structuredClone(found) : null;
  }

  save(doc: RegionDoc): Promise<Result<RegionDoc>> {
    const run = this.queue.then(async (): Promise<Result<RegionDoc>> => {
      const parsed = RegionDoc.parse(doc);
      const allowed = regionSaveAllowed(parsed, this.db.data.regions);
      if (!allowed.ok) return allowed;
      await this.fence();
      const before = this.db.data;
      this.db.data = {
        ...before,
        regions: [...before.regions.filter((r) => r.id !== parsed.id), parsed],
      };
      try {
        await this.db.write();
      } catch (e) {
        this.db.data = before;
        throw e;
      }
      // The save is durable already: a backup a full disk refused is made with the next save.
      await this.backUp(this.db.data).catch(() => undefined);
      return { ok: true, value: structuredClone(parsed) };
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/**
 * `npm run store -- check|repair`: the regions file, when there is one. A damaged one (the start refuses it) is put
 * back from the newest backup that reads; what changed after that day is lost, and said.
 */
export async function checkRegions(dir: string, repair: boolean): Promise<TableCheck | null> {
  const raw = await readFile(regionsPath(dir), "utf8").catch(() => null);
  if (raw === null || readRegions(raw)) return null;
  const problems = ["regions.json is beschadigd: de start weigert"];
  if (!repair) return { id: "regions.json", problems, repaired: [] };
  const backups = (await readdir(join(dir, "backups")).catch(() => [] as string[]))
    .filter((f) => /^regions-\d{4}-\d{2}-\d{2}\.json$/.test(f))
    .sort()
    .reverse();
  for (const file of backups) {
    const text = await readFile(join(dir, "backups", file), "utf8").catch(() => "");
    if (!readRegions(text)) continue;
    await writeVerified(regionsPath(dir), text);
    return {
      id: "regions.json",
      problems,
      repaired: [`teruggezet uit back-up ${file}; wijzigingen van na die dag zijn weg`],
      fixed: true,
    };
  }
  return { id: "regions.json", problems, repaired: ["geen leesbare back-up: niet hersteld"] };
}

function readRegions(text: string): RegionsFile | null {
  try {
    return RegionsFile.safeParse(JSON.parse(text)).data ?? null;
  } catch {
    return null;
  }
}
