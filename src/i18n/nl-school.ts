/** Het schoolniveau: scholen en hun verzuimcijfers (issue #28). */
export const nlSchool = {
  "cijfers.line":
    "{school} {name}, {month}: verzuim {absence} % van de lesuren, waarvan ziek {sick} %; langer dan 4 weken afwezig: {long4w}, langer dan 3 maanden: {long3m} ({pupils} leerlingen)",
  "cijfers.line.hidden": "{school} {name}, {month}: minder dan {min} leerlingen, niet getoond",
  "cijfers.probleem": "rij {row}, kolom {column}: {why}",
  "cijfers.probleem.getypt": "{column}: {why}",
  "cijfers.why.persoonsgegevens": "lijkt persoonsgegevens te bevatten",
  "cijfers.why.onbekende-school": "geen school van deze tafel",
  "cijfers.why.periode": "geen maand als 2026-09",
  "cijfers.why.leerjaar": "één leerjaar of groep (1 tot en met 8), of leeg voor de hele school",
  "cijfers.why.aantal": "geen heel aantal (of te groot om een aantal leerlingen te zijn)",
  "cijfers.why.uren": "geen aantal uren",
  "cijfers.why.meer-dan-lesuren": "meer verzuimuren dan lesuren",
  "cijfers.why.meer-dan-verzuim": "meer ziekuren dan verzuimuren",
  "cijfers.why.meer-dan-leerlingen": "meer langdurig afwezigen dan leerlingen",
  "cijfers.why.meer-dan-4w": "meer dan 3 maanden afwezig is ook meer dan 4 weken",
  "cijfers.why.dubbel": "deze school, maand en dit leerjaar staan er al eerder in",
  "reply.cijfers":
    "Verzuimcijfers opgeslagen: {rows} rijen. Nieuw: {added}. Vervangen (opnieuw aangeleverd): {replaced}.",
  "reply.cijfers.title": "Verzuimcijfers per school en maand (groepen onder {min} leerlingen niet getoond)",
  "reply.cijfers.geen":
    "Er zijn nog geen verzuimcijfers. Stuur een CSV-bestand mee met `cijfers` (zie docs/verzuimcijfers.md), of typ één rij.",
  "help.group.school": "School en regio",
  "school.leerjaren": "leerjaren {from}–{to}",
  "school.contact": "contact @{who}",
  "school.officer": "leerplicht @{who}",
  "reply.school.nieuw": "School vastgelegd: {line}",
  "reply.school.gewijzigd": "School bijgewerkt: {line}",
  "reply.scholen": "Scholen van de tafel ({n})",
  "reply.scholen.geen":
    'De tafel heeft nog geen scholen vastgelegd. De voorzitter of leerplicht legt er een vast: `school 12AB00 naam="…" type=vo`.',
  "reason.leerjaren": "leerjaren of groepen als 1-6 of 1,2,3 (1 tot en met 8)",
  "reason.school.municipality": "een school ligt in één gemeente",
} as const;
