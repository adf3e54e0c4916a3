/** Questions before a destructive step or a likely duplicate, in Dutch: what will happen, then Ja / Nee. */
export const nlAsk = {
  "ask.doorgaan": "Doorgaan? Ja of nee.",
  "ask.ja": "Ja, doorgaan",
  "ask.nee": "Nee",
  "ask.interventie.preventief":
    "Casus {case}: alle signalen zijn verzameld in de preventieve fase, onder de meldgrens of met toestemming of in een consult: {signals}. Of die informatie voor handhaving ({kind}) gebruikt mag worden, is een open juridische vraag [003 L921], en de regio heeft daar nog geen antwoord op vastgelegd.",
  "ask.sluit":
    "Je sluit casus {case} met uitstroom «{outcome}» (signalen: {signals}{regie}). Daarna staat de casus niet meer op de agenda en begint de bewaartermijn; heropenen kan met heropen {case}.",
  "ask.sluit.regie": "; regie: @{holder}",
  "ask.lid-af":
    "Je haalt @{handle} ({role}) van de tafel: @{handle} krijgt geen berichten meer en kan niets meer vastleggen. Wat @{handle} vastlegde, blijft staan.",
  "ask.lid-af.zelf":
    "Je haalt jezelf ({role}) van de tafel: je krijgt geen berichten meer en kunt niets meer vastleggen. Wat je vastlegde, blijft staan.",
  "ask.signaal-intrekken":
    "Je trekt signaal {signal} in: {what} {when} bij {case}, gemeld door @{by}. De telling voor de meldgrens gaat van {before} naar {after} uur ({status}). Het signaal blijft in de geschiedenis.",
  "ask.besluit-intrekken":
    "Je trekt besluit {decision} bij {case} van {on} in: «{text}». Het blijft in de geschiedenis, met jouw reden.",
  "ask.dubbel-signaal":
    "Bij {case} staat al signaal {signal} van @{by}: {what} {when}. Gaat het om ander verzuim, dan komt dit signaal erbij.",
  "ask.dubbele-afspraak":
    "Bij {case} staat al open afspraak {action} met @{owner}, uiterlijk {due}: «{text}». Nog een afspraak met dezelfde tekst maken?",
  "reply.nee": "Niets gedaan: er is niets vastgelegd.",
  "reply.ja":
    "Er staat geen vraag open. Kies Ja onder de vraag van Tafel, of zet bevestigd=ja achter de regel.",
} as const;
