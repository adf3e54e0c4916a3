import { describe, expect, it } from "vitest";
import { outboundAsPosts } from "../../commands/outbound.ts";
import { createServices } from "../../src/bootstrap.ts";
import { loadConfig } from "../../src/config.ts";
import { calendarEnd, calendarStatus } from "../../src/core/calendar/data.ts";
import { calendarCache } from "../../src/infra/calendars.ts";
import { SettableClock } from "../../src/infra/clock.ts";
import { makeScheduler } from "../../src/scheduler/scheduler.ts";
import { harness, quietLogger } from "../support/harness.ts";

describe("the end of the holiday data", () => {
  it("is the first summer end of the last school year listed, warned of six months ahead", () => {
    expect(calendarEnd()).toBe("2028-08-20");
    expect(calendarStatus("2026-12-02")).toBe("ok");
    expect(calendarStatus("2028-02-19")).toBe("ok");
    expect(calendarStatus("2028-02-20")).toBe("ends-soon");
    expect(calendarStatus("2028-08-20")).toBe("ends-soon");
    expect(calendarStatus("2028-08-21")).toBe("ended");
  });

  it("stops the start past the end, naming the file to add a year to, and logs from six months ahead", async () => {
    const start = (at: string) =>
      createServices(loadConfig({}), {
        dataDir: null,
        clock: new SettableClock(new Date(at)),
        logger: quietLogger,
        notifier: () => ({ caseNotices: async () => {}, deliver: async () => {} }),
      });
    await expect(start("2028-09-01T09:00:00Z")).rejects.toThrow(/school-holidays\.json/);
    quietLogger.events.length = 0;
    const soon = await start("2028-03-01T09:00:00Z");
    expect(quietLogger.events).toContain("calendar-ends-soon");
    await soon.store.close();
  });
});

describe("the chair hears that the holiday data runs out", () => {
  it("every day from six months ahead, once a day, in a direct message", async () => {
    const h = await harness({ at: "2028-02-01T09:00:00Z" });
    await h.say("anna", "setup Triage Druten regio=midden");
    await h.say("anna", "lid @joost school");
    const posts: Array<{ to: string; text: string }> = [];
    const scheduler = makeScheduler({
      store: h.store,
      calendars: calendarCache(),
      logger: quietLogger,
      clock: h.clock,
      notifier: {
        caseNotices: async () => {},
        deliver: async (tableId, message) => {
          for (const p of await outboundAsPosts(h.store, tableId, message))
            posts.push({ to: p.to.kind === "member" ? p.to.handle : "tafel", text: p.text });
        },
      },
    });
    for (const at of [
      "2028-02-18T09:00:00Z",
      "2028-02-21T09:00:00Z",
      "2028-02-21T12:00:00Z",
      "2028-02-22T09:00:00Z",
    ])
      await scheduler.tick(new Date(at));
    const warnings = posts.filter((p) =>
      p.text.includes("De schoolvakanties in Tafel lopen tot 20 aug 2028"),
    );
    expect(warnings.map((w) => w.to)).toEqual(["anna", "anna"]);
    await h.store.close();
  });
});
