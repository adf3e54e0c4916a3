import { randomBytes } from "node:crypto";
import pg from "pg";
import { openPostgresStore, type PostgresStore } from "../../src/store/postgres/store.ts";

/**
 * The database the PostgreSQL tests use (`.ci/run` starts one and sets it). Without it those tests are skipped
 * on a developer's machine, but never in CI, where a missing database must fail the run instead of hiding it.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
if (!TEST_DATABASE_URL && process.env.CI)
  throw new Error("CI needs TEST_DATABASE_URL for the PostgreSQL tests");

/** A schema of its own per test, so test files run side by side on one database. */
export async function freshSchema() {
  const url = TEST_DATABASE_URL as string;
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${name}`);
  const stores: PostgresStore[] = [];
  return {
    name,
    url,
    admin,
    /** An instance of the store on this schema; closed by `drop`. */
    async open(options: { cacheMb?: number } = {}): Promise<PostgresStore> {
      const store = await openPostgresStore(url, { schema: name, max: 4, ...options });
      stores.push(store);
      return store;
    },
    async drop() {
      for (const s of stores) await s.close().catch(() => undefined);
      // pg-boss, when a test starts it, keeps its jobs in a schema beside the store's.
      await admin.query(`drop schema if exists ${name}_boss cascade`);
      await admin.query(`drop schema ${name} cascade`);
      await admin.end();
    },
  };
}
