/** Dutch words of the platform adapters: Slack, Teams, and what a card says of itself. */
export const nlPlatform = {
  "slack.andere-opdracht": "Tafel luistert naar /tafel. Typ bijvoorbeeld `/tafel help`.",
  "slack.export.file": "De export staat als bestand in je privéberichten met Tafel.",
  "kaart.verouderd":
    "Deze kaart of knop is verouderd, of Tafel kon haar niet lezen. Typ het commando opnieuw, of open de casus met `casus C-…`.",
  "teams.file.link":
    "📎 {file}: te groot voor een kaart. Download het hieronder; de link werkt 10 minuten en één keer.",
  "teams.file.none":
    "📎 {file}: te groot voor een kaart, en deze Tafel kan in Teams geen bestanden geven (de beheerder zet TEAMS_PUBLIC_HOST). Vraag het in Slack of de console op, of laat de beheerder het aanzetten.",
  "teams.file.download": "Download {file}",
  "teams.card.cut":
    "Afgekapt: niet alles past in een Teams-kaart. Vraag minder op (één casus, een kortere periode), of gebruik `export` voor alles als bestand.",
  "slack.cut":
    "Afgekapt: nog {n} regels passen niet in een Slack-bericht. Vraag minder op (bijvoorbeeld `casussen mijn` of één casus), of gebruik `export` voor alles als bestand.",
  "slack.verouderd":
    "Deze kaart of knop is verouderd. Typ het commando opnieuw, of open de casus met `casus C-…`.",
  "slack.pin.ask": "Bij welke casus hoort dit besluit? Kies hieronder.",
  "slack.home.title": "Tafel",
  "slack.home.tables": "Mijn tafels",
  "slack.home.none": "Je bent nog geen lid van een tafel.",
  "slack.home.more": "… en nog {n}: typ mijn in het kanaal van de tafel.",
  "slack.home.tables.more":
    "Nog {n} tafels, met minder werk voor jou dan die hierboven: typ mijn in hun kanaal.",
  "draad.meldplichtig":
    "{id} is meldplichtig: de school doet de verzuimmelding bij DUO. Meer in de draad van {id}.",
  "draad.regie-vrij": "{id} heeft geen regiehouder meer: wie neemt de regie? Meer in de draad van {id}.",
  "draad.vastgelopen": "{id} is vastgelopen en staat bovenaan de agenda. Meer in de draad van {id}.",
  "draad.geplaatst": "Geplaatst in de draad van {id}.",
  "teams.form.open": "Formulier openen",
  "teams.form.saved": "Opgeslagen.",
  "teams.form.answered": "Het antwoord staat in je chat met Tafel.",
  "teams.repeat": "Dit is al verwerkt.",
  "teams.pupil.visible":
    "Niet opgeslagen: een leerlingnummer in een kanaalbericht ziet iedereen. Gebruik het formulier, of de leerling-sleutel (L-…) of casus (C-…). Haal je bericht met het nummer uit het kanaal.",
} as const;
