/** A request routed through a chain of approvers, decided step by step with card buttons. */

export const APPROVAL_TYPES = [
  'driftgodkannande',
  'systemsakerhetsplan',
  'arliga-mal',
  'styrande-dokument',
  'utse-systemagare',
  'undantag',
] as const;
export type ApprovalType = (typeof APPROVAL_TYPES)[number];

export type ApprovalSubject =
  | { kind: 'system'; systemId: string }
  | { kind: 'document'; documentId: string }
  | { kind: 'year'; year: number };

export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

/** Who decides a step, as the chain names them. */
export type ApproverRole = 'systemOwner' | 'documentOwner' | 'kommunchef' | 'sakerhetssamordnare';

export type Decision = 'approved' | 'rejected';

export interface ApprovalStep {
  index: number;
  role: ApproverRole;
  /** Person ids (organisation file) who may decide; any one of them decides the step. */
  approverIds: string[];
  delegate: { aadObjectId: string; name: string; byAadObjectId: string } | null;
  decision: Decision | null;
  decidedByAadObjectId: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  comment: string | null;
  /** When the step became the current one; the reminder and escalation clocks start here. */
  startedAt: Date | null;
}

export interface Approval {
  id: string;
  type: ApprovalType;
  subject: ApprovalSubject;
  title: string;
  justification: string;
  link: string | null;
  /** For utse-systemagare: the proposed systemägare. */
  proposedOwnerId: string | null;
  /** For an undantag: the last day it applies (YYYY-MM-DD); then it becomes a measure. */
  validUntil: string | null;
  requesterAadObjectId: string;
  requesterName: string;
  status: ApprovalStatus;
  currentStep: number;
  steps: ApprovalStep[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const APPROVAL_LIMITS = {
  title: 120,
  justification: 4000,
  link: 500,
  comment: 2000,
} as const;

export function currentStep(approval: Approval): ApprovalStep | undefined {
  return approval.status === 'pending' ? approval.steps[approval.currentStep] : undefined;
}
