/** The annual report (`rapport`), in Dutch. */
export const nlReport = {
  "report.group.vrijstellingen": "Vrijstellingen naar grond",
  "report.group.telling": "Leerplichttelling",
  "report.group.vorig": "Vorig schooljaar",
  "report.telling.relatief": "relatief verzuim boven de meldgrens",
  "report.csv.marks":
    "<{min}: minder dan {min}, niet getoond; ×: niet getoond omdat een totaal het anders zou verraden.",
  "report.csv.group": "groep",
  "report.csv.category": "categorie",
  "report.csv.count": "aantal",
  "report.csv.previous": "vorig schooljaar",
  "report.csv.change": "verandering (%)",
  "report.chart.title": "Werkprocessen leerplicht, schooljaar {year}",
  "report.chart.subtitle": "Tafel {table}, vergeleken met schooljaar {previous}",
  "report.chart.axis": "Aantal werkprocessen",
  "report.chart.legend": "Schooljaar",
  "report.chart.source": "Bron: Tafel, tafel {table}, schooljaar {year}",
  "report.chart.marks":
    "<{min}: niet getoond (minder dan {min}); ×: niet getoond, anders te herleiden uit een totaal",
  "report.title": "Jaarverslag {year} (tellingen onder {min} als <{min})",
  "report.total": "totaal",
  "report.group.processen": "Werkprocessen",
  "report.group.schooltype": "Naar schooltype",
  "report.group.uitstroom": "Uitstroom",
  "report.group.interventies": "Interventies",
  "report.group.thuiszitters": "Thuiszitters naar uitkomst",
  "report.type.relatief": "relatief verzuim",
  "report.type.absoluut": "absoluut verzuim",
  "report.type.zorg": "zorg, bemiddeling en advies",
  "report.type.vrijstelling": "vrijstellingen",
  "report.onbekend": "onbekend",
  "report.lopend": "lopend",
  "report.share": "Betrokken bij {pct} van de {pupils} leerplichtige leerlingen.",
  "report.school":
    "Op schoolniveau: {advice} adviezen aan scholen, {poortactie} poortacties, {luxe} luxe-verzuimacties, {voorlichting} voorlichtingen, {systemSignals} systeemsignalen.",
  "report.below": "Onder de meldgrens verder: {consultations} anonieme consulten, {meetings} overleggen.",
  "report.telling":
    "Leerplichttelling (wat OCW vraagt): {n}, waarvan {relatief} relatief verzuim gemeld boven de meldgrens en {absoluut} absoluut verzuim. Overig verzuim (gemeld onder de meldgrens), apart: {overig}.",
  "report.chart": "Staafdiagram werkprocessen per soort, schooljaar {year} naast {previous}: {alt}",
  "kalender.eindigt":
    "De schoolvakanties in Tafel lopen tot {end}. Daarna tellen vakantieweken als lesweken en kloppen meldgrens, herinneringen en bewaartermijnen niet meer; Tafel start dan niet meer. Vraag de beheerder het volgende schooljaar toe te voegen (tafel {table}).",
} as const;
