/** Eén regio, veel tafels (issue #30): het regioprofiel, routering naar het bevoegde kantoor, de doorbraaktafel. */
export const nlRegion = {
  "regio.eigen":
    'Deze tafel is een regio op zich: niets wordt gedeeld met andere tafels. Zet een regio op met `regio nieuw "<naam>"`, of sluit aan bij een regio die je uitnodigde met `regio aansluiten <regio>`.',
  "regio.titel": "Regio {name} ({id})",
  "regio.tafels": "Tafels: {tables}",
  "regio.uitgenodigd": "Uitgenodigd: {tables}",
  "regio.vakantie": "Vakantieregio: {region}",
  "regio.functienaam": "Functienaam van de leerplichtambtenaar: {title}",
  "regio.gemeente": "{name}: {office}",
  "regio.gemeente.kwalificatie": "{name}: {office}; kwalificatieplicht (16–17): {qualification}",
  "regio.rmc": "RMC (18–23): {office}",
  "regio.contact": "Contact als niemand bevoegd is: {who}",
  "regio.doorbraak": "Doorbraaktafel: {table}",
  "regio.jbt.direct": "Het JBT: leerplicht vraagt het rechtstreeks.",
  "regio.jbt.sociaal-team": "Het JBT: leerplicht gaat via het sociaal team.",
  "regio.beleid": "Beleid van de regio: {settings}",
  "regio.vast": "Tafels mogen niet zelf instellen: {keys}",
  "regio.niet-gezet": "niet ingesteld",
  "regio.wijzigingen": "Laatste wijzigingen",
  "regio.gewijzigd": "Regio {name} gewijzigd: {change}. Dit geldt meteen voor al haar tafels.",
  "regio.gedaan.nieuw":
    "Regio {name} is opgezet ({id}); deze tafel is de eerste. Nodig andere tafels uit met `regio uitnodigen <tafel>`.",
  "regio.gedaan.uitnodigen":
    "Tafel {subject} is uitgenodigd voor regio {name}. Haar voorzitter sluit aan met `regio aansluiten {id}`.",
  "regio.gedaan.aansluiten":
    "Deze tafel hoort nu bij regio {name}: haar beleid, functienaam en routering gelden hier.",
  "regio.gedaan.gemeente": "Regio {name}: de kantoren voor {subject} zijn vastgelegd.",
  "regio.meegedaan": "Je doet mee aan {id} aan tafel {table}. Open de casus daar.",
  "regio.bericht.bevoegd":
    "Casus {id} aan tafel {table} is voor jouw kantoor ({office}). Doe mee met `{line}`.",
  "regio.bericht.contact":
    "Casus {id} aan tafel {table} heeft geen bevoegde leerplichtambtenaar in de regio ({office}). Als contact van de regio: doe mee met `{line}` of wijs iemand aan.",
  "regio.bericht.doorbraak":
    "Casus {id} van tafel {table} is overgedragen aan deze doorbraaktafel, met haar geschiedenis. Doe mee met `{line}`.",
  "post.regio.doorgezet":
    "{id} is doorgezet naar het bevoegde kantoor elders in de regio: {who}. Die krijgt bericht en kan meedoen.",
  "help.routering":
    "Routering (FR-03): een casus gaat naar het kantoor dat bevoegd is voor de woongemeente en leeftijd van de leerling. Tot 16: de leerplicht van de gemeente; 16–17 (kwalificatieplicht): het kantoor dat de gemeente daarvoor noemt; 18+: het RMC. De regio legt dat vast met `regio gemeente <naam> kantoor=… kwalificatie=…`. Zit de bevoegde leerplichtambtenaar aan een andere tafel van de regio, dan krijgt die bericht en doet mee; is niemand bekend, dan het contact van de regio. `help routering C-3` laat de route van één casus zien.",
  "post.regio.niemand":
    "Voor {id} is in de regio geen bevoegde leerplichtambtenaar bekend, en de regio heeft geen contact. Voorzitter: zet er een in met `regio contact=@…`, of voeg de leerplichtambtenaar van het kantoor toe.",
  "regio.bericht.contact.hier":
    "Casus {id} aan deze tafel heeft geen bevoegde leerplichtambtenaar in de regio ({office}). Als contact van de regio: wijs iemand aan.",
  "post.regio.contact":
    "Voor {id} is in de regio geen bevoegde leerplichtambtenaar bekend: het contact van de regio krijgt het, {who}.",
  "button.meedoen": "Doe mee aan {id}",
  "doorbraak.overgedragen":
    "Casus {id} is overgedragen aan doorbraaktafel {table}. Het blijft één casus, hier; de doorbraaktafel doet mee.",
  "tl.casus.doorbraak": "Overgedragen aan de doorbraaktafel van de regio (@{by})",
  "tl.regio.meedoen": "@{by} doet mee vanuit een andere tafel van de regio",
  "card.doorbraak.label": "Doorbraaktafel",
  "card.doorbraak": "Overgedragen aan doorbraaktafel {table} (@{who}, {date})",
  "reply.casussen.elders": "Van een andere gemeente (geen inhoud): {ids}",
  "besluit.buiten-kaders": "buiten de bestaande kaders",
  "besluit.mandaat": "mandaat: {text}",
  "besluit.budget": "budget: {text}",
  "beleid.bron.regio": "regio",
  "beleid.bron.regio-vast": "regio, vast",
  "routering.titel": "Routering van {id}",
  "route.duty": "Plicht: {duty}.",
  "route.office": "{municipality}: {office}{qualification}.",
  "route.office.kwalificatie": " (kantoor voor de kwalificatieplicht)",
  "route.rmc": "18 jaar of ouder: het RMC, {office}.",
  "route.geen-rmc": "18 jaar of ouder: de regio noemt geen RMC.",
  "route.gemeente-onbekend": "De regio noemt geen kantoor voor {municipality}.",
  "route.serving": "Wie de gemeente van de leerling bedient: {n}.",
  "route.elders":
    "De bevoegde leerplichtambtenaar zit aan een andere tafel van de regio: die krijgt bericht en kan meedoen.",
  "route.contact": "Geen bevoegde leerplichtambtenaar bekend: het contact van de regio krijgt het.",
  "route.niemand":
    "Geen bevoegde leerplichtambtenaar bekend en de regio heeft geen contact: stel er een in met `regio contact=@…`.",
  "route.naar": "Naar: {who}",
  "route.naar.contact": "Naar het contact van de regio: {who}",
  "duty.volledig": "volledige leerplicht",
  "duty.kwalificatie": "kwalificatieplicht (16–17)",
  "duty.geen": "geen leerplicht meer (18+)",
  "duty.onbekend": "onbekend (leeftijd niet vastgelegd)",
  "err.regio-al": "Tafel {table} hoort al bij een regio.",
  "err.regio-bestaat": "Er is al een regio met de naam {name}. Kies een andere naam, of sluit aan.",
  "err.geen-regio": 'Deze tafel hoort nog niet bij een regio. Zet er een op met `regio nieuw "<naam>"`.',
  "err.regio-alleen-voorzitter": "Alleen de voorzitter van een tafel van de regio wijzigt de regio.",
  "err.tafel-onbekend": "Tafel {id} bestaat niet. De tafels van de regio staan bij `regio`.",
  "err.regio-niet-uitgenodigd":
    "Deze tafel is niet uitgenodigd voor regio {id}. Vraag een voorzitter van die regio om `regio uitnodigen <deze tafel>`.",
  "err.regio-gemeente-onbekend": "De regio kent gemeente {name} niet.",
  "err.regio-tafel-niet": "Tafel {id} hoort niet bij deze regio.",
  "err.regio-zelfde-tafel": "Dat is deze tafel zelf.",
  "err.regio-niet-bevoegd":
    "Je bent niet bevoegd voor {id}: de casus is voor een ander kantoor, en niet aan jouw tafel overgedragen.",
  "err.geen-doorbraaktafel":
    "De regio heeft geen doorbraaktafel. Stel die in met `regio doorbraaktafel=<tafel>` (voorzitter).",
  "err.doorbraak-niet-vastgelopen":
    'Casus {id} is niet als vastgelopen gemarkeerd. Doe dat eerst: `vastgelopen {id} "reden"`.',
  "err.doorbraak-al": "Casus {id} is al overgedragen aan doorbraaktafel {table}.",
  "err.regio-meedoen-hoe": "Zeg aan welke tafel en welke casus: `regio meedoen <tafel> C-…`.",
  "err.regio-naam-ontbreekt": "Zeg welke: `regio {action} <naam>`.",
  "err.beleid-regio-vast":
    "{key} stelt regio {region} vast voor al haar tafels; een tafel of school wijzigt het niet. Vraag het de regio.",
  "err.casus-andere-gemeente":
    "Casus {id} is van een andere gemeente: een ander kantoor is bevoegd, dus je ziet de inhoud niet.",
  "err.besluit-kaders-doorbraak":
    "Een besluit buiten de bestaande kaders hoort bij de doorbraaktafel: {id} is daar niet aan overgedragen (doorbraak {id}).",
  "err.civiel-jbt-sociaal-team":
    "In regio {region} vraagt leerplicht het JBT niet zelf: dat gaat via het sociaal team. Leg het verzoek vast als via=rvdk, of laat het sociaal team het JBT vragen.",
  "err.besluit-kaders":
    "Mandaat of budget hoort bij een besluit buiten de bestaande kaders: zet er kaders=buiten bij.",
} as const;
