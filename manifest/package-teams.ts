/** `npm run teams:package <host>`: the Teams app zip (manifest.json, color.png, outline.png) for sideloading. */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { loadConfig } from "../src/config.ts";
import { colorIcon, outlineIcon } from "./icons.ts";
import { teamsManifest } from "./teams.ts";
import { zip } from "./zip.ts";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A host name as Teams wants it in `validDomains` and the URLs: no scheme, no path, no port. */
const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/**
 * What would make the package broken, in words an operator acts on; empty when it is sound. Teams accepts a
 * broken package silently and fails later, so it is refused here.
 */
export function packageProblems(clientId: string | undefined, host: string | undefined): string[] {
  const problems: string[] = [];
  if (!clientId) problems.push("TEAMS_CLIENT_ID ontbreekt: zet de Application (client) ID van de Entra-app.");
  else if (!GUID.test(clientId) || /^0{8}-/.test(clientId))
    problems.push(`TEAMS_CLIENT_ID '${clientId}' is geen GUID van een app-registratie.`);
  if (!host) problems.push("Geef de host waarop Tafel draait: npm run teams:package -- tafel.gemeente.nl");
  else if (!HOST.test(host) || host === "tafel.example.org")
    problems.push(
      `'${host}' is geen hostnaam (zonder https://, pad of poort), bijvoorbeeld tafel.gemeente.nl.`,
    );
  return problems;
}

if (import.meta.main) {
  const config = loadConfig();
  const host = process.argv[2];
  const problems = packageProblems(config.TEAMS_CLIENT_ID, host);
  if (problems.length > 0) {
    process.stderr.write(`Geen pakket gemaakt:\n${problems.map((p) => `- ${p}`).join("\n")}\n`);
    process.exit(2);
  }
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
}
