import type { OrgDirectory } from '../../org/index.js';
import type { ApprovalSubject, ApprovalType, ApproverRole } from './approval.js';

/**
 * Who decides what, in order: the table of the policy in one place. A rule with
 * `when` applies only if the condition holds for the subject.
 */
interface StepRule {
  role: ApproverRole;
  when?: 'samhallsviktigt' | 'it-sakerhetspolicy';
}

export const CHAINS: Record<ApprovalType, { subject: ApprovalSubject['kind']; steps: StepRule[] }> =
  {
    driftgodkannande: {
      subject: 'system',
      steps: [{ role: 'systemOwner' }, { role: 'kommunchef', when: 'samhallsviktigt' }],
    },
    systemsakerhetsplan: { subject: 'system', steps: [{ role: 'systemOwner' }] },
    'arliga-mal': { subject: 'year', steps: [{ role: 'kommunchef' }] },
    'styrande-dokument': {
      subject: 'document',
      steps: [{ role: 'documentOwner' }, { role: 'kommunchef', when: 'it-sakerhetspolicy' }],
    },
    'utse-systemagare': { subject: 'system', steps: [{ role: 'kommunchef' }] },
    undantag: {
      subject: 'system',
      steps: [{ role: 'systemOwner' }, { role: 'sakerhetssamordnare' }],
    },
  };

export interface StepPlan {
  role: ApproverRole;
  approverIds: string[];
}

/**
 * The steps for a request; consecutive steps with the same approvers are one step.
 *
 * Nobody decides their own request: the requester is left out of every step. A step
 * that leaves nobody (a systemägare's own driftgodkännande, a document owner's own
 * revision) goes to the kommunchef, who carries the overall responsibility (policy 3.1)
 * and to whom waiting steps are escalated anyway. When the kommunchef is the requester
 * and such a step leaves nobody, the step has no approvers: the request cannot be made.
 */
export function planChain(
  type: ApprovalType,
  subject: ApprovalSubject,
  org: OrgDirectory,
  requesterPersonId?: string,
): StepPlan[] {
  const system = subject.kind === 'system' ? org.systemById(subject.systemId) : undefined;
  const document = subject.kind === 'document' ? org.documentById(subject.documentId) : undefined;
  const applies = (rule: StepRule) =>
    rule.when === undefined ||
    (rule.when === 'samhallsviktigt' && system?.samhallsviktigt === true) ||
    (rule.when === 'it-sakerhetspolicy' && document?.type === 'policy');
  const approversFor = (role: ApproverRole): string[] => {
    switch (role) {
      case 'systemOwner':
        return system ? [system.owner] : [];
      case 'documentOwner':
        return document ? [document.owner] : [];
      case 'kommunchef':
        return [org.kommunchef().id];
      case 'sakerhetssamordnare':
        return org.sakerhetssamordnare().map((p) => p.id);
    }
  };
  const notRequester = (ids: string[]) => ids.filter((id) => id !== requesterPersonId);
  const plan: StepPlan[] = [];
  for (const rule of CHAINS[type].steps.filter(applies)) {
    let step: StepPlan = { role: rule.role, approverIds: notRequester(approversFor(rule.role)) };
    if (step.approverIds.length === 0)
      step = { role: 'kommunchef', approverIds: notRequester(approversFor('kommunchef')) };
    const previous = plan.at(-1);
    if (previous && previous.approverIds.join() === step.approverIds.join()) continue;
    plan.push(step);
  }
  return plan;
}

/** Whether the chain has a step nobody but the requester could decide. */
export function onlyRequesterCouldDecide(plan: StepPlan[]): boolean {
  return plan.some((step) => step.approverIds.length === 0);
}
