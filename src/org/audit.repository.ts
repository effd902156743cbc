import type { Executor } from '../platform/db/executor.js';
import type { AuditEvent, AuditLog } from './domain/audit.js';
import { sortableId } from '../platform/db/ids.js';

export interface AuditRepository extends AuditLog {
  forObject(objectType: string, objectId: string): Promise<AuditEvent[]>;
  /** How many events of `action` by `actor` are on the record at or after `since`. */
  countSince(actor: string, action: string, since: Date): Promise<number>;
}

export function createAuditRepository(db: Executor): AuditRepository {
  return {
    async record(event) {
      await db
        .insertInto('audit_log')
        .values({
          id: sortableId(),
          at: event.at.toISOString(),
          actor: event.actor,
          action: event.action,
          object_type: event.objectType,
          object_id: event.objectId,
          details: event.details ? JSON.stringify(event.details) : null,
        })
        .execute();
    },
    async countSince(actor, action, since) {
      const row = await db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('actor', '=', actor)
        .where('action', '=', action)
        .where('at', '>=', since.toISOString())
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async forObject(objectType, objectId) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('object_type', '=', objectType)
        .where('object_id', '=', objectId)
        .orderBy('at')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        at: new Date(r.at),
        actor: r.actor,
        action: r.action,
        objectType: r.object_type,
        objectId: r.object_id,
        details: r.details ? (JSON.parse(r.details) as AuditEvent['details']) : undefined,
      }));
    },
  };
}
