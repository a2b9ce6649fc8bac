import { AsyncLocalStorage } from "node:async_hooks";

/** What one request has done so far: once it has written, it reads from the primary. */
interface Scope {
  wrote: boolean;
}
const scopes = new AsyncLocalStorage<Scope>();

/**
 * Runs `work` as one request: its hand-written reads go to a read replica (if there are any)
 * until it writes, and to the primary from then on, so it reads its own writes whatever the
 * replicas' lag. A request that `writes` (any method but GET and HEAD) reads from the primary
 * throughout, so its checks see what it is about to change. Reads outside a request (the CLI,
 * imports) go to the primary.
 */
export function inRequestScope<T>(work: () => T, options: { writes?: boolean } = {}): T {
  return scopes.run({ wrote: options.writes === true }, work);
}

/** Records that the current request wrote (the SQL module and the primary's pool call this). */
export function markWrote(): void {
  const scope = scopes.getStore();
  if (scope) scope.wrote = true;
}

/** Whether a read now may go to a replica: inside a request that has not written. */
export function mayReadFromReplica(): boolean {
  const scope = scopes.getStore();
  return scope !== undefined && !scope.wrote;
}
