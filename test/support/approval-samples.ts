import type { Approval } from '../../src/approvals/domain/approval.js';
import { approvalStringsFor } from '../../src/approvals/approval.strings.js';
import { approvalFormCard } from '../../src/approvals/approval-form.card.js';
import { approvalCard } from '../../src/approvals/approval.card.js';
import type { CardJson } from '../../src/platform/teams/render.js';
import { exampleOrg } from './incident-samples.js';

const sv = approvalStringsFor('sv');

/** A two-step driftgodkännande whose first step is decided. */
export function sampleApproval(overrides: Partial<Approval> = {}): Approval {
  const at = new Date('2026-11-30T09:00:00Z');
  return {
    id: '0a5c2c8e-1111-4222-8333-444455556666',
    type: 'driftgodkannande',
    subject: { kind: 'system', systemId: 'vard' },
    title: 'Driftgodkännande **version 5**',
    justification: 'Uppgraderingen är testad. [Se protokoll](https://evil.example)',
    link: 'https://intranat.sjovik.example/dok/123',
    proposedOwnerId: null,
    validUntil: null,
    requesterAadObjectId: '00000000-0000-0000-0000-0000000000a2',
    requesterName: 'Lars Berg',
    status: 'pending',
    currentStep: 1,
    steps: [
      {
        index: 0,
        role: 'systemOwner',
        approverIds: ['maria'],
        delegate: null,
        decision: 'approved',
        decidedByAadObjectId: 'x',
        decidedByName: 'Maria Holm',
        decidedAt: at,
        comment: 'OK',
        startedAt: at,
      },
      {
        index: 1,
        role: 'kommunchef',
        approverIds: ['karin'],
        delegate: null,
        decision: null,
        decidedByAadObjectId: null,
        decidedByName: null,
        decidedAt: null,
        comment: null,
        startedAt: at,
      },
    ],
    version: 2,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export const approvalCardSamples: Record<'approval-form' | 'approval', () => CardJson> = {
  'approval-form': () =>
    approvalFormCard(
      sv,
      exampleOrg,
      2026,
      '0a5c2c8e-1111-4222-8333-444455556666',
      { type: 'undantag', link: 'http://x' },
      {
        link: 'invalidLink',
        title: 'required',
      },
    ),
  approval: () =>
    approvalCard(sv, exampleOrg, {
      approval: sampleApproval(),
      history: [
        {
          at: new Date(),
          actor: 'system',
          action: 'approval.requested',
          objectType: 'approval',
          objectId: 'x',
        },
      ],
      viewerAadObjectId: '00000000-0000-0000-0000-0000000000a1',
      refreshUserIds: ['29:karin'],
      notice: { text: 'Påminnelse', style: 'warning' },
    }),
};
