import { HttpResponse, http } from "msw";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ANNA, JOOST, message, TENANT, teamsTable } from "../support/teams.ts";

type T = Awaited<ReturnType<typeof teamsTable>>;
const DRUTEN = "teams-tenant-1-19-triage-thread-tacv2";
const NIJMEGEN = "teams-tenant-1-19-nijmegen-thread-tacv2";
const inNijmegen = {
  conversation: { id: "19:nijmegen@thread.tacv2", conversationType: "channel", tenantId: TENANT },
};
const personal = { conversation: { id: "a:chat-joost", conversationType: "personal", tenantId: TENANT } };
const mention = { entities: [{ type: "mention", text: `<at>${JOOST.name}</at>`, mentioned: JOOST }] };
const CSV =
  "school;periode;leerjaar;leerlingen;lesuren;verzuimuren;ziekuren;langdurig_4w;langdurig_3m\n12AB00;2026-09;;612;61200;3800;2700;4;1\n";

/** A file sent in Joost's own chat with Tafel, as Teams delivers it: metadata with a pre-authorised download URL. */
const fileMessage = (
  text: string,
  url = "https://contoso.sharepoint.com/personal/joost/download.aspx?t=1",
  name = "cijfers.csv",
) =>
  message(JOOST, text, {
    ...personal,
    attachments: [
      {
        contentType: "application/vnd.microsoft.teams.file.download.info",
        name,
        contentUrl: "https://contoso.sharepoint.com/personal/joost/Documents/cijfers.csv",
        content: { downloadUrl: url, uniqueId: "0f0f", fileType: name.split(".").pop() },
      },
    ],
  });

/**
 * A school's figures file through Teams (issue #28): a bot receives files only in the person's own chat, which
 * belongs to no table, so Tafel takes the table the person delivers figures to, or the one the message names.
 */
describe("Teams: a figures file sent in the personal chat", () => {
  let t: T;
  let fetched = 0;
  beforeEach(async () => {
    t = await teamsTable();
    fetched = 0;
    t.cloud.server.use(
      http.get("https://contoso.sharepoint.com/personal/joost/download.aspx", () => {
        fetched++;
        return HttpResponse.text(CSV);
      }),
    );
    await t.post(message(ANNA, "setup Triage Druten regio=midden"));
    await t.post(message(ANNA, `lid <at>${JOOST.name}</at> zorgcoordinator`, mention));
    await t.post(message(ANNA, 'school 12AB00 naam="Maaswaal College" type=vo gemeente=Druten'));
  });
  afterEach(() => t.stop());
  const said = (from: number) => JSON.stringify(t.cloud.sent.slice(from));

  it("stores the figures at the one table Joost delivers to, and answers in his chat", async () => {
    const before = t.cloud.sent.length;
    expect((await t.post(fileMessage(""))).status).toBe(200);
    expect(fetched).toBe(1);
    expect((await t.h.store.read(DRUTEN)).figures.map((f) => [f.school, f.period])).toEqual([
      ["12AB00", "2026-09"],
    ]);
    expect(said(before)).toContain("Verzuimcijfers opgeslagen");
    expect(
      t.cloud.sent
        .slice(before)
        .every((s) => s.conversation === "a:chat-joost" || s.conversation.startsWith("19:")),
    ).toBe(true);
  });

  it("asks which table when Joost sits at two, and takes the one the message names", async () => {
    await t.post(message(ANNA, "setup Triage Nijmegen regio=midden", inNijmegen));
    await t.post(message(ANNA, `lid <at>${JOOST.name}</at> zorgcoordinator`, { ...inNijmegen, ...mention }));
    await t.post(message(ANNA, 'school 12AB00 naam="Maaswaal College" type=vo gemeente=Druten', inNijmegen));
    const before = t.cloud.sent.length;
    await t.post(fileMessage(""));
    expect(said(before)).toContain("Je zit aan meer tafels: Triage Druten, Triage Nijmegen.");
    expect(fetched).toBe(0);
    await t.post(fileMessage("cijfers Triage Nijmegen"));
    expect((await t.h.store.read(NIJMEGEN)).figures).toHaveLength(1);
    expect((await t.h.store.read(DRUTEN)).figures).toEqual([]);
  });

  it("refuses another kind of file, and a file from anywhere but Teams' storage, storing nothing", async () => {
    let before = t.cloud.sent.length;
    await t.post(fileMessage("", undefined, "cijfers.xlsx"));
    expect(said(before)).toContain("Stuur een CSV-bestand mee");
    before = t.cloud.sent.length;
    await t.post(fileMessage("", "https://evil.example/download.aspx"));
    expect(said(before)).toContain("Tafel kon het bestand niet ophalen of lezen");
    expect(fetched).toBe(0);
    expect((await t.h.store.read(DRUTEN)).figures).toEqual([]);
  });
});
