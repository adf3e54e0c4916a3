import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { Language } from "../core/model.ts";

export type CsvCell = string | number | null;

/**
 * One CSV writer for every file Tafel hands out (the report, the audit export): quoting by csv-stringify, a
 * spreadsheet's conventions per language (Dutch: `;` between cells and a decimal comma, as Dutch Excel opens it;
 * English: `,` and a point), a byte-order mark so accents survive, and text that a spreadsheet would run as a
 * formula (`=`, `+`, `-`, `@`, tab, carriage return at the start) defused with a leading apostrophe (OWASP CSV
 * injection). Numbers are Tafel's own and are written as numbers.
 */
export function csv(rows: readonly (readonly CsvCell[])[], lang: Language): string {
  const cell = (v: CsvCell) =>
    v === null
      ? ""
      : typeof v === "number"
        ? lang === "nl"
          ? String(v).replace(".", ",")
          : String(v)
        : defuse(v);
  return stringify(
    rows.map((r) => r.map(cell)),
    { delimiter: lang === "nl" ? ";" : ",", bom: true, record_delimiter: "\n" },
  );
}

const defuse = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/**
 * A CSV file as a school's spreadsheet writes it, by csv-parse (the reader of csv-stringify's family): `;` as Dutch
 * Excel writes it, or `,`; a byte-order mark and quotes handled; every cell a string. Null when it is no CSV.
 */
export function parseCsv(text: string): string[][] | null {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  try {
    return parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch {
    return null;
  }
}
