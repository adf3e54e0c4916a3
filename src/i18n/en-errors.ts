import type { nlErrors } from "./nl-errors.ts";

/** English refusals and errors, key for key with the Dutch. */
export const enErrors: Record<keyof typeof nlErrors, string> = {
  "err.geen-lid": "You are not a member of this table. Ask the chair to add you with `lid @you <function>`.",
  "err.geen-tafel":
    "No table has been set up in this conversation yet. Start with `setup <name> [regio=noord|midden|zuid]`.",
  "err.tafel-bestaat": "This conversation already has a table.",
  "err.gewijzigd": "Someone else just changed this, please try again. Your command was not saved.",
  "err.rol-niet-toegestaan": "Only the role {roles} may do this.",
  "err.geen-lid-gevonden": "@{handle} is not a member of this table.",
  "err.laatste-voorzitter": "@{handle} is the only chair; appoint another chair first.",
  "err.rapport-onthult":
    "Not published: hidden counts could be worked out from this report ({cells}). Raise rapport.minimum or tell the operator.",
  "err.al-gemeld": "Case {id} was already reported to DUO on {date}.",
  "err.niet-meldplichtig": "Case {id} does not have to be reported: there is nothing to report to DUO (yet).",
  "err.vrijgesteld": "Case {id}: the pupil is exempted ({ground}); no absence or enforcement applies.",
  "err.pv-zonder-route":
    'Case {id}: a proces-verbaal follows a talk, a warning or Halt. Record those first, or say in the note why they were skipped: notitie="…".',
  "err.niets-te-wijzigen": 'What should change on {id}? Give eigenaar=@…, datum=… or tekst="…".',
  "err.besluit-onbekend": "Decision {id} does not exist at this table.",
  "err.besluit-al-ingetrokken": "Decision {id} was already withdrawn.",
  "err.niet-vastgelopen": "Case {id} is not marked stuck.",
  "err.lid-dubbelzinnig": "More than one member is called @{handle}; mention the person (@…) from the list.",
  "err.boa-nodig":
    "Only an attendance officer with BOA status records a proces-verbaal (lid @… leerplichtambtenaar boa=yes).",
  "err.lid-heeft-werk": "@{handle} still holds regie or open agreements ({items}). Hand them over first.",
  "err.casus-onbekend": "Case {id} does not exist at this table.",
  "err.sleutel-onbekend": "Pupil key {key} is not known at this table. Use the pupil number for a new pupil.",
  "err.afspraak-onbekend": "Agreement {id} does not exist at this table.",
  "err.periode-omgekeerd": "The period starts after it ends. Write `from..to`, for example `3-11..7-11`.",
  "err.datum-in-toekomst": "A signal is about what has happened: the date is in the future.",
  "err.periode-te-lang": "A signal covers at most one year.",
  "err.geen-aantal": "Kind {kind} takes no count or hours.",
  "err.uren-nodig": "Give the number of hours for kind {kind}, for example `3.5`.",
  "err.aantal-nodig": "Give the number of times for kind {kind}, for example `2`.",
  "err.aantal-ongeldig": "The number of times is a whole number from 1 to 100.",
  "err.verzuim-loopt":
    'The absence of {id} still runs (last on {last}; the table waits {days} school days without absence). A case closes once the absence has stopped or an exemption runs. To close it anyway, give the reason: sluit {id} <uitstroom> "reason". Nothing was saved.',
  "err.uren-dag-vol":
    "{date} already has {already} hours of absence; these hours would take the day over {max}. Check the hours, or withdraw a signal first. Nothing was saved.",
  "err.uren-ongeldig": "Hours must be above 0, in quarters, and at most {max} for this period.",
  "err.grondslag-past-niet":
    "The legal basis {basis} follows from the facts, not from a choice: it needs an unauthorised or luxury absence signal (or absolute absence). Nothing was saved.",
  "err.grondslag-nodig":
    "A '{kind}' signal about an identifiable pupil needs a legal basis. Add `grondslag=toestemming-ouders|vrijstelling|convenant`, or discuss the case anonymously with `consult`.",
  "err.vrijstelling-nodig":
    "Closing with outcome vrijstelling records the exemption too. Give the ground and date: `sluit {id} vrijstelling grond=5a vanaf=2-11` (leerplicht), or record it first with `vrijstelling {id} 5a 2-11`.",
  "err.grond-zonder-vrijstelling":
    "An exemption's ground or date (`grond=`, `vanaf=`) belongs only with the outcome vrijstelling.",
  "err.casus-al-gesloten": "Case {id} is closed. Reopen it first with `heropen {id}`.",
  "err.casus-heeft-open-afspraken":
    "Case {id} still has open agreements ({items}). Finish them with `klaar` or `vervalt`.",
  "err.casus-niet-gesloten": "Case {id} is not closed.",
  "err.casus-al-gevolgd": "Case {id} is already being monitored.",
  "err.regie-al-vacant": "Case {id} has no case lead.",
  "err.regie-niet-van-jou": "Regie for {id} is held by @{holder}; only they or the chair can hand it over.",
  "err.regie-al-bij": "Regie for {id} is already held by @{holder}.",
  "err.regie-alleen-zelf":
    "You take a vacant regie yourself (`regie {id} neem`); the chair assigns it to others.",
  "err.datum-verleden": "The date is in the past.",
  "err.afspraak-al-klaar": "Agreement {id} is already done.",
  "err.afspraak-al-vervallen": "Agreement {id} was already cancelled.",
  "err.afspraak-niet-van-jou":
    "Agreement {id} belongs to @{owner}; they, the case lead or the chair can close it.",
  "err.alleen-regie-of-voorzitter": "The case lead of {id}, leerplicht or the chair does this.",
  "err.onbekend-commando": "Unknown command '{name}'. Type `help` for the list.",
  "err.argument-ontbreekt": "{param} is missing. Usage: `{usage}`",
  "err.school-code":
    "{code} is no school code: BRIN (two digits, two letters) and the location, for example `12AB00`.",
  "err.school-nieuw":
    'School {code} is new: give its name and type too, for example `school {code} naam="…" type=vo`.',
  "err.school-onbekend":
    "School {code} is not one of this table's schools. Known: {known}. The chair or leerplicht records a school with `school`.",
  "err.school-welke-locatie": "BRIN {code} has several locations at this table: name one ({known}).",
  "err.school-contact-rol":
    "@{handle} does not work at the school (care or absence coordinator, mentor or school management) and cannot be its contact.",
  "err.school-leerplicht-rol": "@{handle} is not a leerplichtambtenaar of this table.",
  "err.cijfers-leerlingkolom":
    "File refused, nothing stored: the column “{column}” could point at a pupil. Absence figures are always aggregated per school, month and year group (docs/verzuimcijfers.md).",
  "err.cijfers-kolommen":
    "File refused, nothing stored: unknown columns: {unknown}; missing: {missing}. The layout is in docs/verzuimcijfers.md.",
  "err.cijfers-geen-scholen": "Record the table's schools first with `school`: figures belong to a school.",
  "err.cijfers-fouten": "Not stored, nor anything else of the same file ({n} problems):\n{list}",
  "err.cijfers-leeg": "The file has no rows of figures.",
  "err.teams-bestand-geen-tafel":
    "You are a member of no table that may deliver absence figures. Ask your table's chair to add you.",
  "err.teams-bestand-welke-tafel":
    "You sit at several tables: {tables}. Send the file again with the table's name, for example `cijfers {first}`.",
  "err.bestand-soort": "Send one {ext} file.",
  "err.bestand-te-groot": "The file is too large: at most {max} kB.",
  "err.bestand-onleesbaar":
    "Tafel could not fetch or read the file (it must be UTF-8 text). Please try again.",
  "err.cijfers-geen-csv": "This is no CSV file Tafel can read (see docs/verzuimcijfers.md).",
  "err.advies-onbekend": "Advice {id} does not exist.",
  "err.advies-geen-opvolging": "Advice {id} has no follow-up left open.",
  "err.advies-hoe":
    'Usage: `advies 12AB00 registratie "advice" [volgen=date]`, `advies AD-1 opgevolgd`, or `advies` to see them.',
  "err.systeemsignaal-onbekend": "System signal {id} does not exist.",
  "err.actie-in-toekomst": "A preventive action is recorded once it was done: the date lies in the future.",
  "err.beleid-niet-per-school":
    "Per school only the local protocol rules can be set: te-laat.*, ziek.*, ziekuren.* and nieuwkomer.weken. The rest is the table's policy.",
  "err.argument-ongeldig": "{param} is not right: {reason}. Usage: `{usage}`",
  "err.te-veel-argumenten": "There is more than this command expects. Usage: `{usage}`",
  "err.optie-onbekend": "Unknown option '{key}='. Usage: `{usage}`",
  "err.datum-onleesbaar":
    "Something that is not a date stands where the date goes; nothing was saved. Put a note in quotes. See `help signaal` for the dates Tafel understands. Usage: `{usage}`",
  "err.weekdag-klopt-niet": "The weekday does not fit the date: that date is a {weekday}. Nothing was saved.",
  "err.datum-bestaat-niet": "That date does not exist. Usage: `{usage}`",
  "err.pii":
    "Not saved: the text seems to contain {pii}. Tafel keeps no personal data; describe it without identifying details.",
  "err.te-lang": "Not saved: the text is longer than {max} characters.",
  "err.regel-te-lang": "Not saved: the command is longer than {max} characters (a note at most 500).",
  "err.tekens": "Not saved: the text contains invisible or control characters. Please type it again.",
  "err.opslag-onbereikbaar":
    "Tafel cannot reach its data right now; nothing was saved, please try again shortly.",
  "err.opslag-mislukt": "Not saved: writing failed. Please try again (ref {ref}).",
  "err.opslag-ongeldig":
    "Not saved: this does not fit the table's data ({part}). Nothing was changed; tell the administrator.",
  "err.intern": "Something went wrong; nothing was changed. Report ref {ref} to the administrator.",

  "err.geen-schooldag":
    "There is no school on {date} ({reason}): no absence counts there. Did you mean the school day before, {nearest}? Nothing was saved.",
  "err.geen-schooldagen":
    "From {from} to {to} there is no school day: no absence counts there. Nothing was saved.",
  "err.signaal-te-oud":
    "Tafel does not take signals from before {since}: the threshold counts within one school year, and this is before the previous one. Nothing was saved.",
  "err.signaal-onbekend": "Signal {id} does not exist at this table.",
  "err.signaal-al-ingetrokken": "Signal {id} was already withdrawn.",
  "err.signaal-niet-van-jou":
    "Signal {id} was raised by @{by}; they, the case lead or the chair can withdraw it.",
  "err.vrije-dag-bestaat": "{date} is already a day off in the calendar.",
  "err.beleid-onbekend": "Unknown policy key '{key}'. Type `beleid` for the list.",
  "err.beleid-waarde": "Value '{value}' does not fit {key}. Type `beleid` to see what fits.",
  "err.overleg-loopt": "Meeting {id} is under way. Close it with `overleg stop`.",
  "err.geen-overleg": "No meeting is under way. Start one with `overleg start`.",
  "err.geen-notulen": "There are no minutes yet: no meeting has been closed.",
  "err.geen-notulen-op": "No meeting was held on {date}.",
  "err.afspraak-niet-open": "Agreement {id} is no longer open.",
  "err.uitstel-eerder": "Postponing {id} needs a date later than the current one, and not in the past.",
  "err.intake-wettelijk":
    "Case {id} is below the threshold, and at this table leerplicht only takes part from the threshold (policy intake=wettelijk). Regie stays with the school.",
  "err.intake-alleen-consult":
    'Case {id} is below the threshold, and at this table leerplicht then only advises anonymously (policy intake=consult). Open an anonymous consult: `consult "…"`, or record the parents\' consent (`grondslag=toestemming-ouders`).',
  "err.geen-wettelijke-taak":
    "{kind} is not possible on {id}: no unauthorised or absolute absence was reported, so leerplicht has no legal task here (it may advise, not enforce). Nothing was saved.",
  "err.consult-geen-leerling":
    "Case {id} is an anonymous consultation: there is no pupil to record anything about.",
  "err.geen-leerplicht-meer":
    "Case {id}: the pupil is 18 or older and no longer of compulsory age; no enforcement. The Doorstroompunt (RMC) acts.",
  "err.geen-leerplichtambtenaar":
    "There is no attendance officer at this table. Add one: `lid @… leerplichtambtenaar gemeente=…`.",
  "err.leerplicht-welke":
    "Which attendance officer? For {id} it could be {handles}. Name the person, or record the municipality: `leerling {id} gemeente=…`.",
  "err.interventie-anoniem": "Case {id} is an anonymous consultation: it takes no interventions.",
  "err.halt-leeftijd":
    "Halt is for young people from 12 to 18: give `leeftijd=12-15` or `16-17`, here or with `leerling C-n leeftijd=…`.",
  "err.halt-toestemming":
    "Halt needs the young person's consent (and under 16 the parents'): give `toestemming=ja`.",
  "err.schooljaar-onbekend": "Write the school year as 2025-2026.",
};
