import type { Clock, Logger, Store } from "../ports.ts";
import type { Scheduler } from "./scheduler.ts";

/**
 * Ticks a table right after a command changed it, on the instance that made the change and so holds the table
 * (issue #32). A change makes its table due; left to the next minute, its job goes to whichever instance fetches
 * it, which mostly has to load the table whole, and a minute of commands became a burst of such loads that held up
 * the commands arriving with it. Ticked here, the table settles and the minute passes it by. Changes that come
 * while a table waits for its tick share it; a tick that fails is logged, and the table stays due for the minute.
 */
export function followChanges(deps: { store: Store; scheduler: Scheduler; clock: Clock; logger: Logger }) {
  const waiting = new Set<string>();
  const running = new Set<Promise<void>>();
  const changed = (tableId: string) => {
    if (waiting.has(tableId)) return;
    waiting.add(tableId);
    // After the command's answer: the tick queues behind the change on the table, never before its reply.
    setImmediate(() => {
      waiting.delete(tableId);
      const tick = deps.scheduler
        .tickTable(tableId, deps.clock.now())
        .catch((e: Error) => deps.logger.error("follow-tick-failed", { table: tableId, code: e.name }))
        .finally(() => running.delete(tick));
      running.add(tick);
    });
  };
  deps.store.onChanged?.(changed);
  return {
    /** Until the ticks of the changes made so far are done (a stopping instance, a test). */
    async idle(): Promise<void> {
      while (waiting.size > 0 || running.size > 0) {
        await new Promise((resolve) => setImmediate(resolve));
        await Promise.all([...running]);
      }
    },
  };
}
export type Follower = ReturnType<typeof followChanges>;
