import { domainDepsOf } from '../support/domain-deps.js';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decideStep, requestApproval } from '../../src/approvals/domain/approval.service.js';
import { people, personalConversationId, TENANT } from '../support/activities.js';
import { engines } from '../support/engines.js';
import { failInsertsInto } from '../support/failures.js';
import { useTestApp } from '../support/test-app.js';

const { karin, maria, anna } = people;
const now = new Date('2026-11-30T09:00:00Z');

for (const engine of engines) {
  describe(`an approval decision's unit of work (${engine.name})`, () => {
    const app = useTestApp({ engine, clock: { now: () => now }, introduce: [karin, maria, anna] });

    it('When the requester’s message cannot be queued, then the last approval leaves the request pending, the register unchanged, nothing audited and nothing sent', async () => {
      const { db } = app().running;
      const services = await domainDepsOf(app().running);
      const deps = services.approvals;
      const requested = await requestApproval(deps, { ...anna, tenantId: TENANT }, randomUUID(), {
        type: 'driftgodkannande',
        subject: { kind: 'system', systemId: 'vard' },
        proposedOwnerId: null,
        title: 'Driftgodkännande av vårdsystemet',
        justification: 'Ny version efter upphandling.',
        link: null,
        validUntil: null,
      });
      if (requested.kind !== 'requested') throw new Error('the request was refused');
      const { approval } = requested;
      expect((await decideStep(deps, maria, approval.id, 0, 'approved', undefined)).kind).toBe(
        'ok',
      );
      const registerBefore = services.org.systemById('vard');
      await app().running.sender.drain();
      app().connector.reset();

      const approve = () => decideStep(deps, karin, approval.id, 1, 'approved', 'Godkänt.');
      const restore = await failInsertsInto(db, 'outbox');
      await expect(approve()).rejects.toThrow(/injected failure/);
      await restore();

      expect(await deps.approvals.get(approval.id)).toMatchObject({
        status: 'pending',
        currentStep: 1,
        version: 2,
      });
      expect(await db.kysely.selectFrom('register_change').selectAll().execute()).toEqual([]);
      expect(services.org.systemById('vard')).toEqual(registerBefore);
      expect(
        (await app().running.audit.forObject('approval', approval.id)).map((e) => e.action),
      ).toEqual(['approval.requested', 'approval.approved-step']);
      const concluded = await db.kysely
        .selectFrom('outbox')
        .select('dedupe_key')
        .where('dedupe_key', 'like', `approval:${approval.id}:concluded:%`)
        .execute();
      expect(concluded).toEqual([]);

      // Nothing is half done, so the kommunchef's click works when tried again.
      expect((await approve()).kind).toBe('ok');
      expect(services.org.systemById('vard')?.approvedAt).toBe('2026-11-30');
      await app().running.sender.drain();
      expect(app().connector.deliveredTo(personalConversationId(anna))).toHaveLength(1);
    });
  });
}
