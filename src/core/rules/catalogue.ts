/** Every rule Tafel applies, with what kind of rule it is and where it comes from, so none passes for law. */
export type LegalStatus = "law" | "bill" | "local-protocol" | "proposal";

export const RULES = {
  "wet.meldplicht-16u": {
    legalStatus: "law",
    source:
      "Leerplichtwet art. 21a: 16 uur ongeoorloofd verzuim in 4 opeenvolgende lesweken (domain.md TH-01); Tafel leest dit als 4 lesweken binnen één schooljaar, want de bron laat open of een venster over de zomer loopt",
  },
  "wet.thuiszitter": {
    legalStatus: "law",
    source:
      "Leerplichtig, zonder vrijstelling 4 weken of langer niet naar school (domain.md TH-04; [004 L269-271])",
  },
  "wet.absoluut-verzuim": {
    legalStatus: "law",
    source: "Leerplichtig kind niet ingeschreven op een school (domain.md §1.2; [004 L102-104])",
  },
  "protocol.te-laat": {
    legalStatus: "local-protocol",
    source: "Tafelbeleid te-laat.aantal/te-laat.weken (domain.md TH-09)",
  },
  "protocol.ziekmeldingen": {
    legalStatus: "local-protocol",
    source: "Tafelbeleid ziek.aantal/ziek.weken (domain.md TH-10)",
  },
  "protocol.ziekuren": {
    legalStatus: "local-protocol",
    source: "Tafelbeleid ziekuren.uren/ziekuren.weken (domain.md TH-11)",
  },
  "protocol.nieuwkomer": {
    legalStatus: "local-protocol",
    source: "Tafelbeleid nieuwkomer.weken (domain.md TH-12)",
  },
  "mdmtss.laag": {
    legalStatus: "proposal",
    source:
      "MD-MTSS (Kearney & Graczyk) zoals in de KBA-verkenning: laag 2 90–95 %, laag 3 < 90 % (domain.md §4, TH-06..08)",
  },
} as const satisfies Record<string, { legalStatus: LegalStatus; source: string }>;
export type RuleId = keyof typeof RULES;
