import { describe, expect, it } from 'vitest';
import { planChain, type StepPlan } from '../../src/approvals/domain/approval.chains.js';
import type { ApprovalSubject, ApprovalType } from '../../src/approvals/domain/approval.js';
import { exampleOrg } from '../support/incident-samples.js';

const system = (systemId: string): ApprovalSubject => ({ kind: 'system', systemId });
const document = (documentId: string): ApprovalSubject => ({ kind: 'document', documentId });

describe('who decides an approval, in order', () => {
  it.each<[string, ApprovalType, ApprovalSubject, StepPlan[]]>([
    [
      'driftgodkännande of an ordinary system: its systemägare',
      'driftgodkannande',
      system('ekonomi'),
      [{ role: 'systemOwner', approverIds: ['olof'] }],
    ],
    [
      'driftgodkännande of a samhällsviktigt system: systemägare, then kommunchef',
      'driftgodkannande',
      system('vard'),
      [
        { role: 'systemOwner', approverIds: ['maria'] },
        { role: 'kommunchef', approverIds: ['karin'] },
      ],
    ],
    [
      'systemsäkerhetsplan: the systemägare alone, even when samhällsviktigt',
      'systemsakerhetsplan',
      system('va-styr'),
      [{ role: 'systemOwner', approverIds: ['per'] }],
    ],
    [
      'annual goals: the kommunchef',
      'arliga-mal',
      { kind: 'year', year: 2027 },
      [{ role: 'kommunchef', approverIds: ['karin'] }],
    ],
    [
      'an instruction: its owner',
      'styrande-dokument',
      document('instruktion-drift'),
      [{ role: 'documentOwner', approverIds: ['sara'] }],
    ],
    [
      'the policy, owned by the kommunchef: one step, not two',
      'styrande-dokument',
      document('it-sakerhetspolicy'),
      [{ role: 'documentOwner', approverIds: ['karin'] }],
    ],
    [
      'a new systemägare: the kommunchef',
      'utse-systemagare',
      system('lon'),
      [{ role: 'kommunchef', approverIds: ['karin'] }],
    ],
    [
      'an exception: systemägare, then the coordinators',
      'undantag',
      system('lon'),
      [
        { role: 'systemOwner', approverIds: ['olof'] },
        { role: 'sakerhetssamordnare', approverIds: ['lars', 'sara'] },
      ],
    ],
  ])('%s', (_, type, subject, steps) => {
    expect(planChain(type, subject, exampleOrg)).toEqual(steps);
  });
});

describe('nobody decides their own request', () => {
  it.each<[string, ApprovalType, ApprovalSubject, string, StepPlan[]]>([
    [
      'a systemägare’s own driftgodkännande: the kommunchef instead',
      'driftgodkannande',
      system('ekonomi'),
      'olof',
      [{ role: 'kommunchef', approverIds: ['karin'] }],
    ],
    [
      'a systemägare’s own driftgodkännande of a samhällsviktigt system: the kommunchef, once',
      'driftgodkannande',
      system('vard'),
      'maria',
      [{ role: 'kommunchef', approverIds: ['karin'] }],
    ],
    [
      'a document owner’s own revision: the kommunchef instead',
      'styrande-dokument',
      document('instruktion-drift'),
      'sara',
      [{ role: 'kommunchef', approverIds: ['karin'] }],
    ],
    [
      'a coordinator’s own exception: the other coordinators',
      'undantag',
      system('lon'),
      'lars',
      [
        { role: 'systemOwner', approverIds: ['olof'] },
        { role: 'sakerhetssamordnare', approverIds: ['sara'] },
      ],
    ],
    [
      'the kommunchef’s own annual goals: nobody, so the request cannot be made',
      'arliga-mal',
      { kind: 'year', year: 2027 },
      'karin',
      [{ role: 'kommunchef', approverIds: [] }],
    ],
    [
      'the kommunchef’s own driftgodkännande of a samhällsviktigt system: nobody for the second step',
      'driftgodkannande',
      system('vard'),
      'karin',
      [
        { role: 'systemOwner', approverIds: ['maria'] },
        { role: 'kommunchef', approverIds: [] },
      ],
    ],
  ])('%s', (_, type, subject, requester, steps) => {
    expect(planChain(type, subject, exampleOrg, requester)).toEqual(steps);
  });
});
