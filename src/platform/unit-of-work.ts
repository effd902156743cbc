/**
 * Runs `work` as one unit: everything it writes through `tx` (state, audit
 * events, register changes, outgoing messages) commits together, or nothing
 * does when it throws. Messages queued inside are sent only after the commit.
 *
 * `work` must not wait for anything outside the database (no HTTP): on SQLite
 * the transaction holds the only connection while it is open.
 */
export type UnitOfWork<Tx> = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;
