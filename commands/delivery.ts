import { errorCode } from "../src/infra/error-code.ts";
import type { Logger, Store } from "../src/ports.ts";

/**
 * Whether a platform delivery is its first (a retry, a double click, a form sent twice are not). When the store
 * cannot be asked (a database outage) the delivery counts as first: the command then meets the same outage
 * and tells the sender that nothing was saved, instead of the platform seeing an error.
 */
export async function firstDelivery(store: Store, logger: Logger, key: string): Promise<boolean> {
  try {
    return await store.firstDelivery(key);
  } catch (e) {
    logger.error("delivery-claim-failed", { code: errorCode(e) });
    return true;
  }
}
