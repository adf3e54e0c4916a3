import { describe, expect, it } from "vitest";
import { readDay, readSpan } from "../../src/core/date-words.ts";
import { formatDate, localDate } from "../../src/core/dates.ts";

const monday = "2026-11-23";
const read = (s: string, lean: "past" | "future" = "future") => {
  const r = readDay(s.split(" "), monday, lean);
  return r && "from" in r ? { date: r.from, used: r.used } : r;
};
const span = (s: string, lean: "past" | "future" = "past") => readSpan(s.split(" "), monday, lean);

describe("Dutch date words", () => {
  it.each([
    ["2026-12-01", "2026-12-01"],
    ["1-12-2026", "2026-12-01"],
    ["01/12/2026", "2026-12-01"],
    ["vandaag", monday],
    ["morgen", "2026-11-24"],
    ["overmorgen", "2026-11-25"],
    ["vrijdag", "2026-11-27"],
    ["vr", "2026-11-27"],
    ["maandag", "2026-11-30"],
    ["over 3 dagen", "2026-11-26"],
    ["over 2 weken", "2026-12-07"],
    ["over een week", "2026-11-30"],
    ["over een maand", "2026-12-23"],
    ["5-1", "2027-01-05"],
    ["3 december", "2026-12-03"],
    ["3 dec 2026", "2026-12-03"],
    ["volgende week vrijdag", "2026-12-04"],
    ["volgende week", "2026-12-04"],
    ["komende woensdag", "2026-11-25"],
    ["eind van de maand", "2026-11-30"],
    ["einde deze week", "2026-11-27"],
    ["eind volgende maand", "2026-12-31"],
    ["eind januari", "2027-01-31"],
    ["do 26-11", "2026-11-26"],
  ])("%s → %s (due date)", (input, date) =>
    expect(read(input)).toEqual({ date, used: input.split(" ").length }),
  );

  it.each([
    ["gisteren", "2026-11-22"],
    ["eergisteren", "2026-11-21"],
    ["vrijdag", "2026-11-20"],
    ["maandag", monday],
    ["vorige maandag", "2026-11-16"],
    ["afgelopen vrijdag", "2026-11-20"],
    ["vorige week dinsdag", "2026-11-17"],
    ["3 dagen geleden", "2026-11-20"],
    ["20-11", "2026-11-20"],
    ["5-1", "2026-01-05"],
    ["29-02", "2024-02-29"],
    ["25-11", "2026-11-25"],
    ["3 oktober", "2026-10-03"],
    ["maandag 16 november", "2026-11-16"],
  ])("%s → %s (signal date, looking back)", (input, date) =>
    expect(read(input, "past")).toEqual({ date, used: input.split(" ").length }),
  );

  it.each([
    ["vorige week", "2026-11-16", "2026-11-20"],
    ["afgelopen week", "2026-11-16", "2026-11-20"],
    ["ma 9-11 t/m vr 13-11", "2026-11-09", "2026-11-13"],
    ["9 t/m 13 nov", "2026-11-09", "2026-11-13"],
    ["9-11 tot en met 13-11", "2026-11-09", "2026-11-13"],
    ["maandag t/m woensdag", "2026-11-23", "2026-11-18"],
    ["16-11..20-11", "2026-11-16", "2026-11-20"],
    ["vorige maandag - vrijdag", "2026-11-16", "2026-11-20"],
  ])("%s → %s t/m %s (a period)", (input, from, to) =>
    expect(span(input)).toEqual(expect.objectContaining({ from, to, used: input.split(" ").length })),
  );

  it("does not move a date just past today a year back, nor one just before today a year ahead", () => {
    expect(read("20-5", "past")).toMatchObject({ date: "2026-05-20" });
    expect(read("20-5", "future")).toMatchObject({ date: "2027-05-20" });
    expect(read("20-11", "future")).toMatchObject({ date: "2026-11-20" });
  });

  it("refuses dates that do not exist, and a weekday that does not fit its date", () => {
    expect(read("31-02-2026")).toEqual({ error: "datum-bestaat-niet", used: 1 });
    expect(read("2026-13-01")).toEqual({ error: "datum-bestaat-niet", used: 1 });
    expect(read("31 november")).toEqual({ error: "datum-bestaat-niet", used: 2 });
    expect(read("di 26-11")).toEqual({ error: "weekdag-klopt-niet", weekday: 2, used: 2 });
    expect(span("9 t/m 31 nov")).toMatchObject({ error: "datum-bestaat-niet" });
    expect(span("9-11 t/m toen")).toMatchObject({ error: "datum-onleesbaar" });
  });

  it("does not take other words for dates", () => {
    expect(read("ongeoorloofd")).toBeNull();
    expect(read("over 3 jaar")).toBeNull();
    expect(read("constructor")).toBeNull();
    expect(read("toString")).toBeNull();
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
