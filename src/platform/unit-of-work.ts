/**
 * Runs `work` as one unit: everything it writes through `tx` (state, audit
 * events, register changes, outgoing messages) commits together, or nothing
 * does when it throws. Messages queued inside are sent only after the commit.
 *
 * `work` must not wait for anything outside the database (no HTTP): on SQLite
 * the transaction holds the only connection while it is open.
 */
export type UnitOfWork<Tx> = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;

/** A service's dependencies whose store can be bound to one transaction. */
export interface Transactional<Store> {
  unitOfWork: UnitOfWork<Store>;
}

/** Runs `work` in one unit of work, with the store in `deps` replaced by the transaction's. */
export function inUnitOfWork<Store extends object, Deps extends Store & Transactional<Store>, T>(
  deps: Deps,
  work: (tx: Deps) => Promise<T>,
): Promise<T> {
  return deps.unitOfWork((store) => work({ ...deps, ...store }));
}

/**
 * `use` as a use case that runs in one unit of work: its store is bound to the
 * transaction, so what it writes commits together or not at all.
 */
export function transactional<Deps extends Transactional<object>, Args extends unknown[], R>(
  use: (tx: Deps, ...args: Args) => Promise<R>,
): (deps: Deps, ...args: Args) => Promise<R> {
  return (deps, ...args) => inUnitOfWork(deps, (tx) => use(tx, ...args));
}
