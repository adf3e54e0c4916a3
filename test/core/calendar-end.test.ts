import { describe, expect, it } from "vitest";
import { createServices } from "../../src/bootstrap.ts";
import { loadConfig } from "../../src/config.ts";
import { calendarEnd, calendarStatus } from "../../src/core/calendar/data.ts";
import { SettableClock } from "../../src/infra/clock.ts";
import { quietLogger } from "../support/harness.ts";

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
