import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createApprovalRepository } from '../../src/approvals/approval.repository.js';
import { engines, sharedDatabase } from '../support/engines.js';

for (const engine of engines) {
  // Two instances share PostgreSQL; SQLite serves one instance (see incident-numbering.test.ts).
  const instances = engine.name === 'postgres' ? 2 : 1;

  describe(`approval decisions (${engine.name}, ${instances} instance(s))`, () => {
    const database = sharedDatabase(engine);
    afterEach(() => database.cleanup());

    const repository = async () => createApprovalRepository((await database.connect()).kysely);

    it('records one decision when two clicks on the same step arrive at once', async () => {
      const first = await repository();
      const second = instances === 2 ? await repository() : first;
      const { approval } = await first.create(
        {
          type: 'driftgodkannande',
          subject: { kind: 'system', systemId: 'vard' },
          proposedOwnerId: null,
          title: 'T',
          justification: 'J',
          link: null,
          validUntil: null,
          requesterAadObjectId: 'requester',
          requesterName: 'R',
          tenantId: 't',
          submissionId: randomUUID(),
          steps: [
            { role: 'systemOwner', approverIds: ['maria'] },
            { role: 'kommunchef', approverIds: ['karin'] },
          ],
        },
        new Date(),
      );
      const decide = (repo: typeof first, decision: 'approved' | 'rejected') =>
        repo.change(
          approval.id,
          approval.version,
          { kind: 'decide', decision, byAadObjectId: 'm', byName: 'M', comment: 'c' },
          new Date(),
        );
      const results = await Promise.all([decide(first, 'approved'), decide(second, 'rejected')]);
      expect(results.filter((r) => r === 'stale')).toHaveLength(1);
      const stored = await first.get(approval.id);
      const winner = results.find((r) => r !== 'stale');
      expect(stored).toEqual(winner);
      expect(stored!.version).toBe(2);
      expect(stored!.steps[0]!.decision).not.toBeNull();
    });
  });
}
