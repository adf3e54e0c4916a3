import type { SchoolAction } from "./protocol-lists.ts";
import type { Policy } from "./rules/policy.ts";

/**
 * The local protocol (FR-02, issue #29): the five answers a region records [003 L1183-1189] — when a signal is
 * picked up (the school's actions first), what stays the school's, which signals go first, when a case goes up, and
 * the officer's role. They are policy settings (`beleid protocol.…`), so a school may have its own where the table
 * serves several; `protocolOf` reads them for one school.
 */
export const PROTOCOL_FIELDS = [
  "preconditions",
  "schoolDuties",
  "priority",
  "escalation",
  "escalateAfter",
  "officerRole",
] as const satisfies ReadonlyArray<keyof Policy>;

/** Where the five questions come from: shown with the protocol, which is a local one, not law. */
export const PROTOCOL_SOURCE = "[003 L1183-1189]";

/** The protocol's preconditions a signal did not meet: what the school should have done first (FR-20). */
export const missingPreconditions = (policy: Policy, done: readonly SchoolAction[] | null): SchoolAction[] =>
  policy.preconditions.filter((p) => !(done ?? []).includes(p));
