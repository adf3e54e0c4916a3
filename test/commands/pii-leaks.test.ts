import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tableWithMembers, tempDir } from "../support/harness.ts";

/** One note of each kind the guard refuses, as a table would type it. */
const REFUSED = [
  "BSN 111-222-333 staat in het dossier",
  "Ouders via ouder at gmail punt com",
  "Moeder belt terug op 06 - 1234 5678",
  "Boete naar NL91 ABNA 0417 1643 00",
  "Leerling 7654321 was weer weg",
  "Gezin is verhuisd naar 6651 ab",
  "Leerling geboren 07-01-10",
  "Huisbezoek Kerkstraat 12 op dinsdag",
  "Jan de Vries was weer weg",
  "Gesprek met Mohammed El Amrani gepland",
  "Vader van Semhar belde af",
  "Fatima kwam om 10.30 binnen",
];
/** What of each note may never be kept or said back: the personal part. */
const VALUES = [
  "111-222-333",
  "ouder at gmail",
  "1234 5678",
  "ABNA",
  "7654321",
  "6651 ab",
  "07-01-10",
  "Kerkstraat",
  "Vries",
  "Amrani",
  "Semhar",
  "Fatima",
];
/** Every free-text field and option value of the commands a member types. */
const FIELDS = [
  (n: string) => `signaal 2345678 ongeoorloofd 1 vrijdag "${n}"`,
  (n: string) => `signaal 2345678 te-laat 1 donderdag notitie="${n}"`,
  (n: string) => `actie C-1 @joost 4-12 "${n}"`,
  (n: string) => `besluit C-1 "${n}"`,
  (n: string) => `interventie C-1 gesprek vrijdag "${n}"`,
  (n: string) => `vastgelopen C-1 "${n}"`,
  (n: string) => `consult "${n}"`,
  (n: string) => `besluit-intrekken B-1 "${n}"`,
  (n: string) => `setup "${n}"`,
];

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return Promise.all(
    entries.filter((e) => e.isFile()).map((e) => readFile(join(e.parentPath, e.name), "utf8")),
  );
}

describe("a refused value goes nowhere", () => {
  it("is refused in every field, and reaches no reply, post, log line or file in the data directory", async () => {
    const dir = await tempDir();
    try {
      const h = await tableWithMembers({ dir: dir.path });
      const logged: string[] = [];
      h.deps.logger = {
        info: (event, fields) => logged.push(JSON.stringify({ event, fields })),
        error: (event, fields) => logged.push(JSON.stringify({ event, fields })),
      };
      await h.say("joost", "signaal 2345678 ongeoorloofd 2 vrijdag");
      await h.say("piet", 'besluit C-1 "Gesprek met ouders"');
      const said: string[] = [];
      const kept: string[] = [];
      for (const field of FIELDS)
        for (const note of REFUSED) {
          const out = await h.say("piet", field(note), field === FIELDS[8] ? "elders" : "console");
          said.push(JSON.stringify(out));
          if (out.reply.error?.code !== "pii") kept.push(field(note));
        }
      await h.background.idle();
      expect(kept).toEqual([]);
      const files = await filesUnder(dir.path);
      expect(files.length).toBeGreaterThan(0);
      const everywhere = [...said, ...logged, ...files, ...h.notified.map((p) => JSON.stringify(p))].join(
        "\n",
      );
      for (const value of VALUES) expect(everywhere, value).not.toContain(value);
      await h.store.close();
    } finally {
      await dir.remove();
    }
  });

  it("a member's name is refused in a note, the member's handle is how a note names them", async () => {
    const h = await tableWithMembers();
    await h.say("anna", "lid @mirjam.ouwerkerk jgz");
    await h.say("joost", "signaal 2345678 ongeoorloofd 2 vrijdag");
    expect((await h.say("joost", 'besluit C-1 "Ouwerkerk belt de huisarts"')).reply.error?.code).toBe("pii");
    expect(
      (await h.say("joost", 'besluit C-1 "@mirjam.ouwerkerk belt de huisarts"')).reply.error,
    ).toBeUndefined();
  });
});
