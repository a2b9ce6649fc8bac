import { ipKeyGenerator } from "express-rate-limit";
import { AppError } from "../../errors.js";

const WINDOW_MS = 60_000;
/** Addresses remembered at most; past it, expired windows are swept before a new one is added. */
const MAX_TRACKED = 10_000;

export const tooManyFailedAuthentications = () =>
  new AppError(
    429,
    "too_many_failed_authentications",
    "too many failed authentications from this address; try again later",
  );

export interface AuthFailureLimit {
  /** Seconds until `address` may try again, or 0 when it may now. */
  retryAfterSeconds(address: string): number;
  /** Counts one refused token from `address`. */
  recordFailure(address: string): void;
}

/**
 * Failed authentications per client address in a fixed minute: past `perMinute`, the address
 * is refused before its token is even looked up. Counters live in memory, per process.
 */
export function authFailureLimit(perMinute: number, now: () => number = Date.now): AuthFailureLimit {
  const windows = new Map<string, { failures: number; resetsAt: number }>();
  const keyOf = (address: string) => ipKeyGenerator(address);
  const current = (key: string) => {
    const window = windows.get(key);
    if (window && window.resetsAt <= now()) {
      windows.delete(key);
      return undefined;
    }
    return window;
  };
  return {
    retryAfterSeconds(address) {
      const window = current(keyOf(address));
      if (!window || window.failures < perMinute) return 0;
      return Math.max(1, Math.ceil((window.resetsAt - now()) / 1000));
    },
    recordFailure(address) {
      const key = keyOf(address);
      const window = current(key);
      if (window) {
        window.failures += 1;
        return;
      }
      if (windows.size >= MAX_TRACKED) {
        for (const [k, w] of windows) if (w.resetsAt <= now()) windows.delete(k);
        if (windows.size >= MAX_TRACKED) windows.delete(windows.keys().next().value!);
      }
      windows.set(key, { failures: 1, resetsAt: now() + WINDOW_MS });
    },
  };
}
