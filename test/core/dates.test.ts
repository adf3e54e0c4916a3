import { describe, expect, it } from "vitest";
import { formatDate, localDate, parseDateWords } from "../../src/core/dates.ts";

const monday = "2026-11-23";
const read = (s: string, lean: "past" | "future" = "future") => parseDateWords(s.split(" "), monday, lean);

describe("Dutch date words", () => {
  it.each([
    ["2026-12-01", "2026-12-01"],
    ["1-12-2026", "2026-12-01"],
    ["01/12/2026", "2026-12-01"],
    ["vandaag", monday],
    ["morgen", "2026-11-24"],
    ["vrijdag", "2026-11-27"],
    ["maandag", "2026-11-30"],
    ["over 3 dagen", "2026-11-26"],
    ["over 2 weken", "2026-12-07"],
    ["5-1", "2027-01-05"],
  ])("%s → %s (due date)", (input, date) => expect(read(input)).toMatchObject({ date }));

  it.each([
    ["gisteren", "2026-11-22"],
    ["vrijdag", "2026-11-20"],
    ["20-11", "2026-11-20"],
    ["5-1", "2026-01-05"],
    ["29-02", "2024-02-29"],
    ["25-11", "2026-11-25"],
  ])("%s → %s (signal date, looking back)", (input, date) =>
    expect(read(input, "past")).toMatchObject({ date }),
  );

  it("does not move a date just past today a year back, nor one just before today a year ahead", () => {
    expect(parseDateWords(["20-5"], monday, "past")).toMatchObject({ date: "2026-05-20" });
    expect(parseDateWords(["20-5"], monday, "future")).toMatchObject({ date: "2027-05-20" });
    expect(parseDateWords(["20-11"], monday, "future")).toMatchObject({ date: "2026-11-20" });
  });

  it("refuses dates that do not exist", () => {
    expect(read("31-02-2026")).toEqual({ invalid: "31-02-2026", used: 1 });
    expect(read("2026-13-01")).toEqual({ invalid: "2026-13-01", used: 1 });
  });

  it("does not take other words for dates", () => {
    expect(read("ongeoorloofd")).toBeNull();
    expect(read("over 3 jaar")).toBeNull();
  });

  it("takes the local date in Amsterdam, across midnight and DST", () => {
    expect(localDate(new Date("2026-11-22T23:30:00Z"))).toBe("2026-11-23");
    expect(localDate(new Date("2026-07-01T22:30:00Z"))).toBe("2026-07-02");
    expect(localDate(new Date("2026-03-29T00:30:00Z"))).toBe("2026-03-29");
  });

  it("formats unambiguously", () => {
    expect(formatDate("2026-11-03", "nl")).toBe("3 nov 2026");
    expect(formatDate("2026-03-03", "en")).toBe("3 Mar 2026");
  });
});

describe("the Amsterdam day of an instant", () => {
  it("agrees with @date-fns/tz hour by hour, 2024 to 2029, around every DST change", async () => {
    const { TZDate } = await import("@date-fns/tz");
    const { format } = await import("date-fns");
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2029, 11, 31); t += 3_600_000 * 7) {
      expect(localDate(new Date(t)), new Date(t).toISOString()).toBe(
        format(new TZDate(t, "Europe/Amsterdam"), "yyyy-MM-dd"),
      );
    }
    for (const change of [
      "2026-03-29T01:00:00Z",
      "2026-10-25T01:00:00Z",
      "2027-03-28T01:00:00Z",
      "2027-10-31T01:00:00Z",
    ])
      for (let m = -180; m <= 180; m += 15) {
        const t = Date.parse(change) + m * 60_000;
        expect(localDate(new Date(t))).toBe(format(new TZDate(t, "Europe/Amsterdam"), "yyyy-MM-dd"));
      }
  });
});
