/** Dutch refusals and errors: what a sender is told when nothing was done, and why. */
export const nlErrors = {
  "err.geen-lid":
    "Je bent geen lid van deze tafel. Vraag de voorzitter om je toe te voegen met `lid @jij <functie>`.",
  "err.geen-tafel":
    "In dit gesprek is nog geen tafel opgezet. Begin met `setup <naam> [regio=noord|midden|zuid]`.",
  "err.tafel-bestaat": "In dit gesprek is al een tafel opgezet.",
  "err.gewijzigd": "Iemand anders heeft dit net gewijzigd, probeer opnieuw. Je opdracht is niet opgeslagen.",
  "err.rol-niet-toegestaan": "Dit mag alleen met de rol {roles}.",
  "err.geen-lid-gevonden": "@{handle} is geen lid van deze tafel.",
  "err.laatste-voorzitter": "@{handle} is de enige voorzitter; wijs eerst een andere voorzitter aan.",
  "err.rapport-onthult":
    "Niet gepubliceerd: uit dit rapport zijn verborgen aantallen te herleiden ({cells}). Verhoog rapport.minimum of meld dit aan de beheerder.",
  "err.al-gemeld": "Casus {id} is al gemeld bij DUO op {date}.",
  "err.niet-meldplichtig": "Casus {id} is niet meldplichtig: er is (nog) niets te melden bij DUO.",
  "err.vrijgesteld":
    "Casus {id}: de leerling is vrijgesteld ({ground}); daarvoor geldt geen verzuim of handhaving.",
  "err.pv-zonder-route":
    'Casus {id}: een proces-verbaal volgt op een gesprek, een waarschuwing of Halt. Leg die eerst vast, of zeg in de toelichting waarom ze zijn overgeslagen: notitie="…".',
  "err.niets-te-wijzigen": 'Wat moet er aan {id} veranderen? Geef eigenaar=@…, datum=… of tekst="…".',
  "err.besluit-onbekend": "Besluit {id} bestaat niet aan deze tafel.",
  "err.besluit-al-ingetrokken": "Besluit {id} is al ingetrokken.",
  "err.niet-vastgelopen": "Casus {id} staat niet als vastgelopen.",
  "err.lid-dubbelzinnig":
    "Er zijn meer leden die @{handle} heten; noem de persoon met een vermelding (@…) uit de lijst.",
  "err.boa-nodig":
    "Een proces-verbaal legt alleen een leerplichtambtenaar met BOA-status vast (lid @… leerplichtambtenaar boa=ja).",
  "err.lid-heeft-werk": "@{handle} heeft nog regie of open afspraken ({items}). Draag die eerst over.",
  "err.casus-onbekend": "Casus {id} bestaat niet aan deze tafel.",
  "err.sleutel-onbekend":
    "Leerling-sleutel {key} is aan deze tafel niet bekend. Gebruik het leerlingnummer voor een nieuwe leerling.",
  "err.afspraak-onbekend": "Afspraak {id} bestaat niet aan deze tafel.",
  "err.periode-omgekeerd": "De periode begint na het einde. Schrijf `van..tot`, bijvoorbeeld `3-11..7-11`.",
  "err.datum-in-toekomst": "Een signaal gaat over wat al gebeurd is: de datum ligt in de toekomst.",
  "err.periode-te-lang": "Een signaal beslaat hoogstens een jaar.",
  "err.geen-aantal": "Bij soort {kind} hoort geen aantal of uren.",
  "err.uren-nodig": "Geef het aantal uren bij soort {kind}, bijvoorbeeld `3,5`.",
  "err.aantal-nodig": "Geef het aantal keren bij soort {kind}, bijvoorbeeld `2`.",
  "err.aantal-ongeldig": "Het aantal keren is een heel getal van 1 tot en met 100.",
  "err.verzuim-loopt":
    'Het verzuim van {id} loopt nog (laatst op {last}; de tafel wacht {days} schooldagen zonder verzuim). Een werkproces sluit pas als het verzuim is gestopt of er een vrijstelling is. Sluit je toch, geef dan de reden: sluit {id} <uitstroom> "reden". Er is niets opgeslagen.',
  "err.uren-dag-vol":
    "Op {date} staat al {already} uur verzuim; met deze uren komt de dag boven {max} uur. Controleer de uren, of trek eerst een signaal in. Er is niets opgeslagen.",
  "err.uren-ongeldig": "Uren moeten groter dan 0 zijn, in kwartieren, en hoogstens {max} voor deze periode.",
  "err.grondslag-past-niet":
    "De grondslag {basis} volgt uit de feiten, niet uit een keuze: daarvoor is een signaal ongeoorloofd of luxe verzuim (of absoluut verzuim) nodig. Er is niets opgeslagen.",
  "err.grondslag-nodig":
    "Voor een signaal '{kind}' over een herkenbare leerling is een grondslag nodig. Voeg `grondslag=toestemming-ouders|vrijstelling|convenant` toe, of bespreek de casus anoniem met `consult`.",
  "err.vrijstelling-nodig":
    "Sluiten met uitstroom vrijstelling legt ook de vrijstelling vast. Geef de grond en de datum: `sluit {id} vrijstelling grond=5a vanaf=2-11` (leerplicht), of leg haar eerst vast met `vrijstelling {id} 5a 2-11`.",
  "err.grond-zonder-vrijstelling":
    "Een grond of datum van vrijstelling (`grond=`, `vanaf=`) hoort alleen bij de uitstroom vrijstelling.",
  "err.casus-al-gesloten": "Casus {id} is gesloten. Heropen hem eerst met `heropen {id}`.",
  "err.casus-heeft-open-afspraken":
    "Casus {id} heeft nog open afspraken ({items}). Rond ze af met `klaar` of `vervalt`.",
  "err.casus-niet-gesloten": "Casus {id} is niet gesloten.",
  "err.casus-al-gevolgd": "Casus {id} wordt al gevolgd.",
  "err.regie-al-vacant": "Casus {id} heeft geen regiehouder.",
  "err.regie-niet-van-jou":
    "De regie over {id} ligt bij @{holder}; alleen die of de voorzitter kan haar overdragen.",
  "err.regie-al-bij": "De regie over {id} ligt al bij @{holder}.",
  "err.regie-alleen-zelf":
    "Een vacante regie neem je zelf (`regie {id} neem`); toewijzen aan een ander doet de voorzitter.",
  "err.datum-verleden": "De datum ligt in het verleden.",
  "err.afspraak-al-klaar": "Afspraak {id} is al klaar.",
  "err.afspraak-al-vervallen": "Afspraak {id} is al vervallen.",
  "err.afspraak-niet-van-jou":
    "Afspraak {id} is van @{owner}; die, de regiehouder of de voorzitter kan haar afsluiten.",
  "err.alleen-regie-of-voorzitter": "Dit doen de regiehouder van {id}, leerplicht of de voorzitter.",
  "err.onbekend-commando": "Onbekend commando '{name}'. Typ `help` voor de lijst.",
  "err.argument-ontbreekt": "{param} ontbreekt. Gebruik: `{usage}`",
  "err.school-code":
    "{code} is geen schoolcode: BRIN (twee cijfers, twee letters) en de vestiging, bijvoorbeeld `12AB00`.",
  "err.school-nieuw":
    'School {code} is nieuw: geef ook naam en type, bijvoorbeeld `school {code} naam="…" type=vo`.',
  "err.school-onbekend":
    "School {code} is geen school van deze tafel. Bekend: {known}. De voorzitter of leerplicht legt een school vast met `school`.",
  "err.school-welke-locatie": "BRIN {code} heeft meer locaties bij deze tafel: noem er één ({known}).",
  "err.school-contact-rol":
    "@{handle} werkt niet op de school (zorg- of verzuimcoördinator, mentor of schoolleiding) en kan geen contactpersoon zijn.",
  "err.school-leerplicht-rol": "@{handle} is geen leerplichtambtenaar van deze tafel.",
  "err.cijfers-leerlingkolom":
    "Bestand geweigerd, er is niets opgeslagen: de kolom «{column}» kan een leerling aanwijzen. Verzuimcijfers zijn altijd geaggregeerd per school, maand en leerjaar (docs/verzuimcijfers.md).",
  "err.cijfers-kolommen":
    "Bestand geweigerd, er is niets opgeslagen: onbekende kolommen: {unknown}; ontbrekend: {missing}. De indeling staat in docs/verzuimcijfers.md.",
  "err.cijfers-geen-scholen":
    "Leg eerst de scholen van de tafel vast met `school`: cijfers horen bij een school.",
  "err.cijfers-fouten": "Niet opgeslagen, ook niets anders uit hetzelfde bestand ({n} fouten):\n{list}",
  "err.cijfers-leeg": "Het bestand heeft geen rijen met cijfers.",
  "err.teams-bestand-geen-tafel":
    "Je bent aan geen tafel lid die verzuimcijfers mag aanleveren. Vraag de voorzitter van je tafel om je toe te voegen.",
  "err.teams-bestand-welke-tafel":
    "Je zit aan meer tafels: {tables}. Stuur het bestand opnieuw met de naam van de tafel erbij, bijvoorbeeld `cijfers {first}`.",
  "err.bestand-soort": "Stuur een {ext}-bestand mee, één bestand.",
  "err.bestand-te-groot": "Het bestand is te groot: hoogstens {max} kB.",
  "err.bestand-onleesbaar":
    "Tafel kon het bestand niet ophalen of lezen (het moet UTF-8-tekst zijn). Probeer het opnieuw.",
  "err.cijfers-geen-csv": "Dit is geen CSV-bestand dat Tafel kan lezen (zie docs/verzuimcijfers.md).",
  "err.advies-onbekend": "Advies {id} bestaat niet.",
  "err.advies-geen-opvolging": "Advies {id} heeft geen opvolging meer open.",
  "err.advies-hoe":
    'Gebruik: `advies 12AB00 registratie "advies" [volgen=datum]`, `advies AD-1 opgevolgd`, of `advies` om ze te zien.',
  "err.systeemsignaal-onbekend": "Systeemsignaal {id} bestaat niet.",
  "err.actie-in-toekomst":
    "Een preventieve actie leg je vast als ze gedaan is: de datum ligt in de toekomst.",
  "err.beleid-niet-per-school":
    "Per school gaan alleen de lokale protocolregels: te-laat.*, ziek.*, ziekuren.* en nieuwkomer.weken. De rest is het beleid van de tafel.",
  "err.argument-ongeldig": "{param} klopt niet: {reason}. Gebruik: `{usage}`",
  "err.te-veel-argumenten": "Er staat meer dan dit commando verwacht. Gebruik: `{usage}`",
  "err.optie-onbekend": "Onbekende optie '{key}='. Gebruik: `{usage}`",
  "err.datum-onleesbaar":
    "Op de plaats van de datum staat iets dat geen datum is; er is niets opgeslagen. Een toelichting zet je tussen aanhalingstekens. Zie `help signaal` voor de datums die Tafel begrijpt. Gebruik: `{usage}`",
  "err.weekdag-klopt-niet":
    "De weekdag past niet bij de datum: die datum is een {weekday}. Er is niets opgeslagen.",
  "err.datum-bestaat-niet": "Die datum bestaat niet. Gebruik: `{usage}`",
  "err.pii":
    "Niet opgeslagen: de tekst lijkt {pii} te bevatten. Tafel bewaart geen persoonsgegevens; beschrijf het zonder herleidbare gegevens.",
  "err.te-lang": "Niet opgeslagen: de tekst is langer dan {max} tekens.",
  "err.regel-te-lang":
    "Niet opgeslagen: het commando is langer dan {max} tekens (een toelichting hoogstens 500).",
  "err.tekens": "Niet opgeslagen: de tekst bevat onzichtbare of sturende tekens. Typ hem opnieuw.",
  "err.opslag-onbereikbaar":
    "Tafel kan de gegevens nu niet bereiken; er is niets opgeslagen, probeer het zo weer.",
  "err.opslag-mislukt": "Niet opgeslagen: het wegschrijven mislukte. Probeer het opnieuw (ref {ref}).",
  "err.opslag-ongeldig":
    "Niet opgeslagen: dit past niet in de gegevens van de tafel ({part}). Er is niets gewijzigd; meld het aan de beheerder.",
  "err.intern": "Er ging iets mis; er is niets gewijzigd. Meld ref {ref} aan de beheerder.",

  "err.geen-schooldag":
    "Op {date} is er geen school ({reason}): daar telt geen verzuim. Bedoel je de schooldag ervoor, {nearest}? Er is niets opgeslagen.",
  "err.geen-schooldagen":
    "Van {from} t/m {to} is er geen schooldag: daar telt geen verzuim. Er is niets opgeslagen.",
  "err.signaal-te-oud":
    "Signalen van vóór {since} neemt Tafel niet aan: de meldgrens telt binnen één schooljaar, en dit ligt vóór het vorige. Er is niets opgeslagen.",
  "err.signaal-onbekend": "Signaal {id} bestaat niet aan deze tafel.",
  "err.signaal-al-ingetrokken": "Signaal {id} is al ingetrokken.",
  "err.signaal-niet-van-jou":
    "Signaal {id} is gemeld door @{by}; die, de regiehouder of de voorzitter kan het intrekken.",
  "err.vrije-dag-bestaat": "{date} staat al als vrije dag in de kalender.",
  "err.beleid-onbekend": "Onbekende beleidssleutel '{key}'. Typ `beleid` voor de lijst.",
  "err.beleid-waarde": "Waarde '{value}' past niet bij {key}. Typ `beleid` voor wat kan.",
  "err.overleg-loopt": "Overleg {id} loopt al. Sluit het met `overleg stop`.",
  "err.geen-overleg": "Er loopt geen overleg. Begin er een met `overleg start`.",
  "err.geen-notulen": "Er zijn nog geen notulen: er is nog geen overleg gesloten.",
  "err.geen-notulen-op": "Er is geen overleg gehouden op {date}.",
  "err.afspraak-niet-open": "Afspraak {id} is niet meer open.",
  "err.uitstel-eerder":
    "Uitstel van {id} moet naar een latere datum dan de huidige, en niet in het verleden.",
  "err.intake-wettelijk":
    "Casus {id} ligt onder de meldgrens, en aan deze tafel doet leerplicht pas mee vanaf de meldgrens (beleid intake=wettelijk). De regie blijft bij de school.",
  "err.intake-alleen-consult":
    'Casus {id} ligt onder de meldgrens, en aan deze tafel denkt leerplicht dan alleen anoniem mee (beleid intake=consult). Open een anoniem consult: `consult "…"`, of leg toestemming van ouders vast (`grondslag=toestemming-ouders`).',
  "err.geen-wettelijke-taak":
    "{kind} kan niet bij {id}: er is geen ongeoorloofd of absoluut verzuim gemeld, dus leerplicht heeft hier geen wettelijke taak (meedenken mag, handhaven niet). Er is niets opgeslagen.",
  "err.consult-geen-leerling":
    "Casus {id} is een anoniem consult: er is geen leerling om iets over vast te leggen.",
  "err.geen-leerplicht-meer":
    "Casus {id}: de leerling is 18 of ouder en niet meer leerplichtig; handhaving kan niet. Het Doorstroompunt (RMC) is aan zet.",
  "err.geen-leerplichtambtenaar":
    "Er is geen leerplichtambtenaar aan deze tafel. Voeg er een toe: `lid @… leerplichtambtenaar gemeente=…`.",
  "err.leerplicht-welke":
    "Wie van leerplicht? Bij {id} kan dat {handles} zijn. Noem de persoon, of leg de woongemeente vast: `leerling {id} gemeente=…`.",
  "err.interventie-anoniem": "Casus {id} is een anoniem consult: daar horen geen interventies bij.",
  "err.halt-leeftijd":
    "Halt is voor jongeren van 12 tot 18: geef `leeftijd=12-15` of `16-17`, hier of met `leerling C-n leeftijd=…`.",
  "err.halt-toestemming":
    "Halt vraagt toestemming van de jongere (en tot 16 jaar de ouders): geef `toestemming=ja`.",
  "err.schooljaar-onbekend": "Schrijf het schooljaar als 2025-2026.",
} as const;
