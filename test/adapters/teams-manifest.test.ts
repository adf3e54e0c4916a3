import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { colorIcon, outlineIcon } from "../../manifest/icons.ts";
import { packageProblems } from "../../manifest/package-teams.ts";
import { teamsManifest, teamsManifestJson } from "../../manifest/teams.ts";
import { zip } from "../../manifest/zip.ts";
import { loadConfig, teamsConfig } from "../../src/config.ts";

const dir = join(import.meta.dirname, "../../manifest/teams");
const size = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe("Teams app package", () => {
  it("has a manifest and icons that match the registry and the generator", () => {
    expect(readFileSync(join(dir, "manifest.json"), "utf8")).toBe(teamsManifestJson());
    expect(readFileSync(join(dir, "color.png")).equals(colorIcon())).toBe(true);
    expect(size(colorIcon())).toEqual([192, 192]);
    expect(size(outlineIcon())).toEqual([32, 32]);
    const m = teamsManifest("app-123", "bot.gemeente.nl");
    expect(m.bots[0]?.botId).toBe("app-123");
    expect(m.bots[0]?.commandLists[0]?.commands.map((c) => c.title)).toContain("signaal");
    expect(m.bots[0]?.commandLists[0]?.commands.length).toBeLessThanOrEqual(10);
  });

  it("zips the three files at the root", () => {
    const z = zip([
      { name: "manifest.json", data: Buffer.from("{}") },
      { name: "color.png", data: colorIcon() },
      { name: "outline.png", data: outlineIcon() },
    ]);
    expect(z.readUInt32LE(0)).toBe(0x04034b50);
    expect(z.readUInt32LE(z.length - 22)).toBe(0x06054b50);
    expect(z.readUInt16LE(z.length - 12)).toBe(3);
  });

  it("refuses to package without a real app id and a host name", () => {
    const id = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    expect(packageProblems(id, "tafel.gemeente.nl")).toEqual([]);
    expect(packageProblems(undefined, "tafel.gemeente.nl")).toEqual([
      expect.stringMatching(/TEAMS_CLIENT_ID ontbreekt/),
    ]);
    expect(packageProblems("00000000-0000-0000-0000-000000000000", "tafel.gemeente.nl")[0]).toMatch(
      /geen GUID/,
    );
    expect(packageProblems("tafel-bot", "tafel.gemeente.nl")[0]).toMatch(/geen GUID/);
    for (const host of [
      "https://tafel.gemeente.nl",
      "tafel.gemeente.nl/bot",
      "tafel.gemeente.nl:3978",
      "localhost",
    ])
      expect(packageProblems(id, host)[0], host).toMatch(/geen hostnaam/);
    expect(packageProblems(id, undefined)[0]).toMatch(/Geef de host/);
    // Run as the operator does: nothing written, exit 2, the reasons on stderr.
    const run = spawnSync(process.execPath, [join(dir, "../package-teams.ts"), "https://x"], {
      env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "TEAMS_CLIENT_ID")),
      encoding: "utf8",
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Geen pakket gemaakt");
  });

  it("needs the whole app registration to run Teams", () => {
    expect(teamsConfig(loadConfig({}))).toBeNull();
    expect(() => teamsConfig(loadConfig({ TEAMS_CLIENT_ID: "x" }))).toThrow(/together/);
    expect(
      teamsConfig(loadConfig({ TEAMS_CLIENT_ID: "a", TEAMS_CLIENT_SECRET: "b", TEAMS_TENANT_ID: "c" })),
    ).toMatchObject({ port: 3978 });
  });
});
