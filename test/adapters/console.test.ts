import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TEST_KEY, tempDir } from "../support/harness.ts";

const root = join(import.meta.dirname, "../..");
/** Consoles run in a folder of their own: the report's files land in its `rapporten/`, not in the project. */
const work = mkdtempSync(join(tmpdir(), "tafel-console-"));
const cli = (args: string[], input?: string) =>
  spawnSync(
    process.execPath,
    [
      join(root, "adapters/console/main.ts"),
      ...args.map((a) => (a.startsWith("examples/") ? join(root, a) : a)),
    ],
    {
      cwd: work,
      input,
      encoding: "utf8",
      env: { ...process.env, TAFEL_PUPIL_KEY: TEST_KEY },
    },
  );

describe("console", () => {
  it("replays the short demo: a crossing across the holiday, regie, a meeting, and the reminder with its buttons", async () => {
    const run = cli(["--script", "examples/demo.tafel", "--memory"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("Meldplichtig: 16 uur ongeoorloofd in lesweken 40–44");
    expect(run.stdout).toContain("[tafel] Notulen O-1");
    expect(run.stdout).toContain("[A-1 klaar: klaar A-1 · A-1 uitstellen: uitstel A-1 …");
    await expect(run.stdout).toMatchFileSnapshot("../fixtures/console/demo.out");
  });

  it("replays the whole script: every command, its replies, private and direct messages", async () => {
    const run = cli(["--script", "examples/alles.tafel", "--memory"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    await expect(run.stdout).toMatchFileSnapshot("../fixtures/console/alles.out");
    // The report's chart (PNG and SVG) and CSV are written to the folder and named, not printed.
    expect(run.stdout).toContain("[bestand: rapporten/rapport-2026-2027.png]");
    expect(readFileSync(join(work, "rapporten/rapport-2026-2027.png")).subarray(1, 4).toString()).toBe("PNG");
    expect(readFileSync(join(work, "rapporten/rapport-2026-2027.svg"), "utf8")).toContain("<svg");
    expect(readFileSync(join(work, "rapporten/rapport-2026-2027.csv"), "utf8")).toContain(
      "groep;categorie;aantal",
    );
  });

  it.each([
    "th-thuiszitter-meldplichtig",
    "pr-ziekuren-geen-meldplicht",
    "th-sluiten-met-vrijstelling",
    "fr28-preventief-en-handhaving",
    "triage-s2",
    "mdo",
    "regio",
  ])("replays the law's scenario %s as its transcript says", async (name) => {
    const run = cli(["--script", `examples/scenarios/${name}.tafel`, "--memory"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    await expect(run.stdout).toMatchFileSnapshot(`../fixtures/console/scenarios/${name}.out`);
  });

  it("replays a region's six schools and two months of figures sent as files, as its transcript says", async () => {
    const run = cli(["--script", "examples/scholen.tafel", "--memory"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("Scholen van de tafel (6)");
    expect(run.stdout).toContain("Verzuimcijfers opgeslagen: 8 rijen. Nieuw: 12AB00 okt 2026");
    expect(run.stdout).toContain("56EF00 ISK De Brug, sep 2026: minder dan 10 leerlingen, niet getoond");
    await expect(run.stdout).toMatchFileSnapshot("../fixtures/console/scholen.out");
  });

  it("delivers a figures file given with --cijfers before anything else", async () => {
    const data = await tempDir();
    try {
      const setup = [
        "setup Triage regio=midden",
        'school 12AB00 naam="Maaswaal College" type=vo',
        'school 12AB01 naam="Maaswaal College Wijchen" type=vo',
        'school 34CD00 naam="Basisschool De Linde" type=po',
        'school 56EF00 naam="ISK De Brug" type=isk',
      ].join("\n");
      expect(cli(["--data", data.path], setup).status).toBe(0);
      const run = cli(
        ["--data", data.path, "--cijfers", join(root, "examples/verzuimcijfers-2026-09.csv")],
        "cijfers\n",
      );
      expect(run.stdout).toContain("Verzuimcijfers opgeslagen: 4 rijen");
      expect(run.stdout).toContain("12AB00 Maaswaal College, sep 2026: verzuim 6,2 %");
    } finally {
      await data.remove();
    }
  });

  it("replays a pupil crossing the reporting threshold across the autumn holiday, with the notice", async () => {
    const run = cli(["--script", "examples/meldgrens.tafel", "--memory"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      "Meldplichtig: 16 uur ongeoorloofd in lesweken 41–45 (5 okt t/m 6 nov 2026)",
    );
    expect(run.stdout).toContain("[dm → @joost] Melding bij DUO is verplicht voor casus C-1");
    expect(run.stdout).toContain("Te laat (lokaal protocol): 3× te laat in 4 lesweken");
    // The digest says per case what is new, where it stands and who leads, in words.
    expect(run.stdout).toContain(
      "C-1: 1 nieuw signaal, 13 uur ongeoorloofd in 4 lesweken, nadert de meldgrens, laag 1 → 2, regie: niemand",
    );
    await expect(run.stdout).toMatchFileSnapshot("../fixtures/console/meldgrens.out");
  });

  it("replays a whole meeting and the reminders of the two weeks after it", async () => {
    const run = cli(["--script", "examples/overleg.tafel", "--memory"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("[tafel] Notulen O-1, 6 okt 2026");
    expect(run.stdout).toContain("[dm → @piet] Goedemorgen @piet, je overzicht voor 21 okt 2026");
    expect(run.stdout).not.toContain("je overzicht voor 12 okt 2026");
    await expect(run.stdout).toMatchFileSnapshot("../fixtures/console/overleg.out");
  });

  it("replays the week of the week test: threads aside, the console shows the same week in one stream", async () => {
    const run = cli(["--script", "examples/week.tafel", "--memory"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("[dm → @joost] Goedemorgen @joost, je overzicht voor 4 jan 2027");
    // The minutes' copies for the cases' threads are left out where there are no threads.
    expect(run.stdout).not.toContain("Besproken in overleg O-1 van");
    await expect(run.stdout).toMatchFileSnapshot("../fixtures/console/week.out");
  });

  it("never prints a pupil number or refused personal data", () => {
    const out = ["demo", "alles", "meldgrens", "overleg", "week"]
      .map((name) => cli(["--script", `examples/${name}.tafel`, "--memory"]).stdout)
      .join("\n");
    for (const secret of [
      "1234567",
      "2345678",
      "3456789",
      "12.345.67",
      "7654321",
      "111222333",
      "06-12345678",
      "Jansen",
    ])
      expect(out).not.toContain(secret);
  });

  it("keeps the table in the data directory between runs", async () => {
    const dir = await tempDir();
    try {
      const script = join(dir.path, "a.tafel");
      const { writeFile } = await import("node:fs/promises");
      await writeFile(script, "@as anna\nsetup Tafel\nsignaal 1234567 ongeoorloofd 2 vrijdag\n");
      expect(
        cli(["--script", script, "--data", join(dir.path, "data"), "--clock", "2026-11-23T09:00"]).status,
      ).toBe(0);
      await writeFile(script, "@as anna\ncasussen\n");
      const second = cli(["--script", script, "--data", join(dir.path, "data")]);
      expect(second.stdout).toMatch(/C-1 L-[0-9A-Z]{6} · open/);
    } finally {
      await dir.remove();
    }
  });

  it("reads commands from standard input when run without a script", () => {
    const run = cli(["--memory"], "@as anna\nsetup Tafel\nleden\n");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("@anna · voorzitter");
  });

  it("exits 2 when the script cannot be read, and on unknown flags", () => {
    expect(cli(["--script", "bestaat-niet.tafel", "--memory"]).status).toBe(2);
    expect(cli(["--vlag"]).status).toBe(2);
    expect(cli(["--memory", "--clock", "vrijdag"]).status).toBe(2);
  });

  it("reports a bad directive in a script and goes on", () => {
    const run = cli(["--memory"], "@clock morgen\n@as -\n@as anna\nsetup Tafel\n");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Gebruik: @clock");
    expect(run.stdout).toContain("Gebruik: @as <naam>");
    expect(run.stdout).toContain("Tafel 'Tafel' is opgezet");
  });
});
