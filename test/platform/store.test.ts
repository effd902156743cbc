import { afterEach, describe, expect, it } from 'vitest';
import { createAuditRepository } from '../../src/org/audit.repository.js';
import { migrateToLatest, migrationNames } from '../../src/platform/db/migrate.js';
import { createOutboxRepository } from '../../src/outbox/outbox.repository.js';
import { engines, sharedDatabase } from '../support/engines.js';

for (const engine of engines) {
  describe(`the store (${engine.name})`, () => {
    const database = sharedDatabase(engine);
    afterEach(() => database.cleanup());

    const connect = () => database.connect({ migrate: false });

    it('migrates a fresh database, and a second run changes nothing', async () => {
      const db = await connect();
      expect(await migrateToLatest(db)).toEqual(migrationNames);
      expect(migrationNames[0]).toBe('20261129T0100-foundation');
      expect(await migrateToLatest(db)).toEqual([]);
    });

    it('lets two instances migrate the same database at once', async () => {
      const [a, b] = [await connect(), await connect()];
      const results = await Promise.all([migrateToLatest(a), migrateToLatest(b)]);
      expect(results.flat().sort()).toEqual(migrationNames);
    });

    it('keeps the audit log in order for an object', async () => {
      const db = await connect();
      await migrateToLatest(db);
      const audit = createAuditRepository(db.kysely);
      const at = (s: number) => new Date(Date.UTC(2026, 10, 29, 8, 0, s));
      await audit.record({
        at: at(2),
        actor: 'aad-2',
        action: 'decided',
        objectType: 'approval',
        objectId: 'A1',
        details: { step: 1 },
      });
      await audit.record({
        at: at(1),
        actor: 'aad-1',
        action: 'requested',
        objectType: 'approval',
        objectId: 'A1',
      });
      await audit.record({
        at: at(3),
        actor: 'system',
        action: 'other',
        objectType: 'approval',
        objectId: 'A2',
      });
      const events = await audit.forObject('approval', 'A1');
      expect(events.map((e) => e.action)).toEqual(['requested', 'decided']);
      expect(events[1]!.details).toEqual({ step: 1 });
    });

    it('gives a due message to exactly one of two competing senders', async () => {
      const [a, b] = [await connect(), await connect()];
      await migrateToLatest(a);
      const now = new Date();
      const outboxA = createOutboxRepository(a.kysely);
      const outboxB = createOutboxRepository(b.kysely);
      for (let i = 0; i < 20; i++) {
        await outboxA.enqueue(
          {
            dedupeKey: `k${i}`,
            recipientAadObjectId: `p${i}`,
            tenantId: 't',
            activity: { text: 'x' },
          },
          now,
        );
      }
      const [claimedA, claimedB] = await Promise.all([
        outboxA.claimDue(now, 60_000, 20),
        outboxB.claimDue(now, 60_000, 20),
      ]);
      const ids = [...claimedA, ...claimedB].map((r) => r.id);
      expect(ids).toHaveLength(20);
      expect(new Set(ids).size).toBe(20);
      // A lease left by a crashed sender expires and the message is claimed again.
      const later = new Date(now.getTime() + 61_000);
      expect(await outboxB.claimDue(later, 60_000, 50)).toHaveLength(20);
    });
  });
}
