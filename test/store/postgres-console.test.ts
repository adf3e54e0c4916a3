import { spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { harness, TEST_KEY, tempDir } from "../support/harness.ts";
import { freshSchema, TEST_DATABASE_URL } from "../support/postgres.ts";

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe.skipIf(!TEST_DATABASE_URL)("a console opened on the deployed database", () => {
  it("sends no table's reminders, nor marks them sent: the bot instances do", async () => {
    const schema = await freshSchema();
    cleanups.push(schema.drop);
    const store = await schema.open();
    const slack = "slack:T1:C1";
    const h = await harness({ store, at: "2026-11-23T08:00:00Z" });
    await h.say("anna", "setup Triage regio=midden", slack);
    await h.say("anna", "lid @joost school", slack);
    await h.say("joost", "signaal 2345678 ongeoorloofd 2 vrijdag", slack);
    await h.say("anna", 'actie C-1 @joost morgen "Bellen"', slack);

    const dir = await tempDir();
    cleanups.push(dir.remove);
    const script = join(dir.path, "week.tafel");
    await writeFile(
      script,
      "@clock 2026-11-23T09:30\n@as anna\nsetup Console regio=midden\n@clock 2026-11-30T10:00\n",
    );
    const url = `${schema.url}?options=${encodeURIComponent(`-c search_path=${schema.name}`)}`;
    const run = spawnSync(process.execPath, ["adapters/console/main.ts", "--script", script], {
      cwd: join(import.meta.dirname, "../.."),
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", DATABASE_URL: url, TAFEL_PUPIL_KEY: TEST_KEY },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Tafel 'Console' is opgezet");
    expect(run.stdout).not.toContain("[dm →");
    const slackTable = await store.tableFor(slack);
    expect((await store.read(slackTable?.id as string)).outbox).toEqual([]);
  });
});
