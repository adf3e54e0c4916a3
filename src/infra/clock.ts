import type { Clock } from "../ports.ts";

/** The real time until `set` pins it: scripts, tests and the console's `@clock` stand the clock still. */
export class SettableClock implements Clock {
  private pinned: Date | null;
  constructor(start: Date | null = null) {
    this.pinned = start;
  }
  now() {
    return this.pinned ? new Date(this.pinned) : new Date();
  }
  set(to: Date) {
    this.pinned = to;
  }
}
