/** `npm run teams:package`: the Teams app zip (manifest.json, color.png, outline.png) for sideloading. */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { loadConfig } from "../src/config.ts";
import { colorIcon, outlineIcon } from "./icons.ts";
import { teamsManifest } from "./teams.ts";
import { zip } from "./zip.ts";

const config = loadConfig();
const host = process.argv[2] ?? "tafel.example.org";
const manifest = teamsManifest(config.TEAMS_CLIENT_ID, host);
const out = join(import.meta.dirname, "teams", "tafel-teams.zip");
await writeFile(
  out,
  zip([
    { name: "manifest.json", data: Buffer.from(JSON.stringify(manifest, null, 2)) },
    { name: "color.png", data: colorIcon() },
    { name: "outline.png", data: outlineIcon() },
  ]),
);
process.stdout.write(`${out} (app id ${manifest.id}, host ${host})\n`);
