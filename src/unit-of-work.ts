import type { Kysely } from 'kysely';
import { createRegisterRepository } from './approvals/index.js';
import { createAuditRepository, type AuditRepository } from './org/index.js';
import type { OrgDirectory } from './org/index.js';
import { createPersonRepository, type PersonRepository } from './org/index.js';
import type { LiveRegister, ScopedRegister } from './org/index.js';
import { createOutboxRepository, type OutboxMessage } from './outbox/index.js';
import type { OutboxSender } from './outbox/index.js';
import type { Clock } from './platform/clock.js';
import type { Database } from './platform/db/database.js';
import type { Executor } from './platform/db/executor.js';
import type { UnitOfWork } from './platform/unit-of-work.js';
import type { Core } from './composition.js';

/** The core bound to one transaction: what each feature builds its unit of work from. */
export interface CoreTransaction {
  /** The transaction; repositories created on it write into this unit of work. */
  db: Executor;
  /** The register including the changes made in this transaction. */
  readonly org: OrgDirectory;
  register: ScopedRegister;
  people: PersonRepository;
  audit: AuditRepository;
  /** Queues the message in this transaction; the sender is woken once it has committed. */
  notify(message: OutboxMessage): Promise<boolean>;
}

export interface CoreTransactionsInput {
  db: Kysely<Database>;
  register: LiveRegister;
  outboxClock: Clock;
  sender: Pick<OutboxSender, 'wake'>;
}

/**
 * The caller opens the transaction and every write of the use case joins it,
 * the outbox row included (a transactional outbox). What the commit made true
 * is announced only after it: the sender is woken, the register reloaded.
 */
export function createCoreTransactions(input: CoreTransactionsInput): UnitOfWork<CoreTransaction> {
  return async (work) => {
    let queued = false;
    let registerChanged = false;
    const result = await input.db.transaction().execute(async (trx) => {
      const outbox = createOutboxRepository(trx);
      const register = input.register.within(createRegisterRepository(trx));
      return work({
        db: trx,
        get org() {
          return register.current;
        },
        register: {
          get current() {
            return register.current;
          },
          async apply(change, at) {
            await register.apply(change, at);
            registerChanged = true;
          },
        },
        people: createPersonRepository(trx),
        audit: createAuditRepository(trx),
        async notify(message) {
          const added = await outbox.enqueue(message, input.outboxClock.now());
          queued ||= added;
          return added;
        },
      });
    });
    if (queued) input.sender.wake();
    if (registerChanged) await input.register.reload();
    return result;
  };
}

/**
 * A feature's service dependencies: its store outside any transaction, the
 * live register, the clock, and a unit of work that builds the store again
 * inside each transaction.
 */
export function serviceDeps<Store extends object>(
  core: Core,
  store: (tx: CoreTransaction) => Store,
): Store & { readonly org: OrgDirectory; clock: Clock; unitOfWork: UnitOfWork<Store> } {
  const unitOfWork: UnitOfWork<Store> = (work) => core.transaction((tx) => work(store(tx)));
  return {
    ...store(core.direct),
    get org() {
      return core.register.current;
    },
    clock: core.clock,
    unitOfWork,
  };
}

/** What a feature's handlers read besides their own services: the live register, the clock, people and audit. */
export interface HandlerCore {
  readonly org: OrgDirectory;
  readonly clock: Clock;
  readonly people: PersonRepository;
  readonly audit: AuditRepository;
}

/** `own` plus the handler core; `org` stays live (read from the register each time). */
export function handlerDeps<Own extends object>(core: Core, own: Own): Own & HandlerCore {
  const base: HandlerCore = {
    get org() {
      return core.register.current;
    },
    clock: core.clock,
    people: core.people,
    audit: core.audit,
  };
  return Object.assign(base, own);
}

/** What a feature's notifier writes through in a transaction: the register as the transaction sees it, people, audit and the outbox. */
export type NotifierCore = Pick<CoreTransaction, 'org' | 'people' | 'audit' | 'notify'>;

/** `own` plus the notifier core of `tx`; `org` stays live (it includes the transaction's register changes). */
export function notifierDeps<Own extends object>(
  tx: CoreTransaction,
  own: Own,
): Own & NotifierCore {
  const base: NotifierCore = {
    get org() {
      return tx.org;
    },
    people: tx.people,
    audit: tx.audit,
    notify: tx.notify,
  };
  return Object.assign(base, own);
}
