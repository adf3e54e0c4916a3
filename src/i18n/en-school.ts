/** The school layer: schools and their absence figures (issue #28). */
export const enSchool = {
  "cijfers.line":
    "{school} {name}, {month}: absence {absence} % of lesson hours, of which sick {sick} %; absent over 4 weeks: {long4w}, over 3 months: {long3m} ({pupils} pupils)",
  "cijfers.line.hidden": "{school} {name}, {month}: fewer than {min} pupils, not shown",
  "cijfers.probleem": "row {row}, column {column}: {why}",
  "cijfers.probleem.getypt": "{column}: {why}",
  "cijfers.why.persoonsgegevens": "seems to hold personal data",
  "cijfers.why.onbekende-school": "not a school of this table",
  "cijfers.why.periode": "not a month like 2026-09",
  "cijfers.why.leerjaar": "one year group (1 to 8), or empty for the whole school",
  "cijfers.why.aantal": "not a whole number (or too large to be a number of pupils)",
  "cijfers.why.uren": "not a number of hours",
  "cijfers.why.meer-dan-lesuren": "more absence hours than lesson hours",
  "cijfers.why.meer-dan-verzuim": "more sick hours than absence hours",
  "cijfers.why.meer-dan-leerlingen": "more long-absent pupils than pupils",
  "cijfers.why.meer-dan-4w": "absent over 3 months is also absent over 4 weeks",
  "cijfers.why.dubbel": "this school, month and year group came earlier in the file",
  "reply.cijfers":
    "Absence figures stored: {rows} rows. New: {added}. Replaced (delivered again): {replaced}.",
  "reply.cijfers.title": "Absence figures per school and month (groups under {min} pupils not shown)",
  "reply.cijfers.geen":
    "There are no absence figures yet. Send a CSV file with `cijfers` (see docs/verzuimcijfers.md), or type one row.",
  "help.group.school": "School and region",
  "school.leerjaren": "years {from}–{to}",
  "school.contact": "contact @{who}",
  "school.officer": "leerplicht @{who}",
  "reply.school.nieuw": "School recorded: {line}",
  "reply.school.gewijzigd": "School updated: {line}",
  "reply.scholen": "The table's schools ({n})",
  "reply.scholen.geen":
    'The table has no schools recorded yet. The chair or leerplicht records one: `school 12AB00 naam="…" type=vo`.',
  "reason.leerjaren": "years or groups as 1-6 or 1,2,3 (1 to 8)",
  "reason.school.municipality": "a school lies in one municipality",
} as const;
