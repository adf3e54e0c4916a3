import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * The privacy statement and terms the Teams manifest links to (`privacyUrl`, `termsOfUseUrl`), served by Tafel
 * itself so the links never point at a page that does not exist. Short, in Dutch, from the reference's privacy part.
 */
const PRIVACY = `Privacyverklaring Tafel

Tafel ondersteunt casustafels rond schoolverzuim. Het bewaart zo min mogelijk:
- Een leerlingnummer wordt bij binnenkomst een sleutel (L-…) die alleen deze tafel kent; het nummer zelf wordt
  niet bewaard, niet gelogd en niet teruggezegd.
- Namen, BSN, telefoonnummers, e-mail, IBAN, postcodes, adressen en geboortedatums worden in elk tekstveld
  geweigerd voordat ze worden opgeslagen.
- Casuskaarten zijn alleen zichtbaar voor wie ze opvraagt; elke wijziging en elke inzage staat in het auditspoor.
- Ziek- en zorgmeldingen zijn alleen zichtbaar voor school en JGZ.
- Na het sluiten van een casus verdwijnen na de bewaartermijn van de tafel (standaard 24 maanden) de sleutel,
  alle teksten, afspraken, besluiten en signalen; alleen tellingen blijven voor de verantwoording.
- Logregels bevatten codes en id's, nooit tekst die iemand typte.

De gemeente of het samenwerkingsverband dat Tafel inzet, is verwerkingsverantwoordelijke. Vragen over je
gegevens stel je aan de voorzitter van je tafel.
`;

const TERMS = `Gebruiksvoorwaarden Tafel

Tafel is bedoeld voor professionals aan een casustafel rond schoolverzuim. Leg geen persoonsgegevens vast:
gebruik het leerlingnummer (dat Tafel omzet in een sleutel) en de casusnummers. Wat je vastlegt, is zichtbaar
voor de leden van de tafel volgens hun functie en blijft in het auditspoor. De voorzitter beheert de leden en het
beleid van de tafel.
`;

const page = (text: string) => (_: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
  res.end(text);
};

export const pageRoutes = [
  { path: "/privacy", method: "GET", handler: page(PRIVACY) },
  { path: "/voorwaarden", method: "GET", handler: page(TERMS) },
];
