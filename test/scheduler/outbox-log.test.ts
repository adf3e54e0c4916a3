import { describe, expect, it } from "vitest";
import { harness, silentScheduler } from "../support/harness.ts";

describe("sent messages", () => {
  it("leave the table's outbox after a week for the store's log: by key and time, never their text", async () => {
    const h = await harness({ at: "2026-11-23T08:00:00Z" });
    await h.say("anna", "setup Triage regio=midden");
    await h.say("anna", "lid @joost school");
    await h.say("anna", "signaal 1234567 ongeoorloofd 2 20-11");
    await h.say("anna", 'actie C-1 @joost 24-11 "Ouders bellen over de ochtenden"');
    const scheduler = silentScheduler(h.store);
    await scheduler.tick(new Date("2026-11-23T08:05:00Z"));
    const sent = (await h.store.read("console")).outbox.filter((e) => e.sentAt !== null);
    expect(sent.map((e) => e.key)).toContain("dag:2026-11-23:joost");

    // Six days on it is still there, so a tick that day cannot compose it again; after seven it has gone.
    await scheduler.tick(new Date("2026-11-29T09:00:00Z"));
    expect((await h.store.read("console")).outbox.map((e) => e.key)).toContain("dag:2026-11-23:joost");
    await scheduler.tick(new Date("2026-12-01T09:00:00Z"));
    const doc = await h.store.read("console");
    expect(doc.outbox.map((e) => e.key)).not.toContain("dag:2026-11-23:joost");
    expect(doc.audit.map((e) => e.event)).not.toContain("bericht.verzonden");
    const logged = (await h.store.reads("console", {})).filter((e) => e.event === "bericht.verzonden");
    expect(logged).toContainEqual(
      expect.objectContaining({ actor: "tafel", subject: "dag:2026-11-23:joost", caseId: null }),
    );
    expect(JSON.stringify(logged)).not.toContain("Ouders bellen");
  });
});
