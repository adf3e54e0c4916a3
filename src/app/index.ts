import { makeCaseUseCases } from "./cases.ts";
import type { Deps } from "./context.ts";
import { makeMeetingUseCases } from "./meetings.ts";
import { makeRecordUseCases } from "./records.ts";
import { makeRegionCaseUseCases } from "./region-cases.ts";
import { makeRegionUseCases } from "./regions.ts";
import { makeRuleUseCases } from "./rules.ts";
import { makeSchoolUseCases } from "./schools.ts";
import { makeTableUseCases } from "./tables.ts";
import { makeTriageUseCases } from "./triage.ts";
import { makeWorkUseCases } from "./work.ts";

export type { Deps } from "./context.ts";

export function makeUseCases(deps: Deps) {
  return {
    tables: makeTableUseCases(deps),
    cases: makeCaseUseCases(deps),
    work: makeWorkUseCases(deps),
    records: makeRecordUseCases(deps),
    rules: makeRuleUseCases(deps),
    meetings: makeMeetingUseCases(deps),
    schools: makeSchoolUseCases(deps),
    triage: makeTriageUseCases(deps),
    regions: makeRegionUseCases(deps),
    regionCases: makeRegionCaseUseCases(deps),
  };
}
export type UseCases = ReturnType<typeof makeUseCases>;
