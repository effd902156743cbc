import type { AadObjectId } from '../../platform/identity.js';
import type { AuditEvent, AuditLog } from '../../org/index.js';
import type { Clock } from '../../platform/clock.js';
import type { OrgDirectory } from '../../org/index.js';
import type { RegisterChange } from '../../org/index.js';
import type { DecidedMeasure } from '../../measures/index.js';
import { localParts } from '../../platform/calendar.js';
import { inUnitOfWork, transactional, type UnitOfWork } from '../../platform/unit-of-work.js';
import { onlyRequesterCouldDecide, planChain } from './approval.chains.js';
import {
  APPROVAL_LIMITS,
  currentStep,
  type Approval,
  type ApprovalStatus,
  type ApprovalType,
  type ApprovalStep,
  type Decision,
} from './approval.js';
import { securityPlanOf, type ApprovalRequestInput } from './approval.validation.js';
import { workingDaysBetween } from './working-days.js';

export interface NewApproval extends ApprovalRequestInput {
  requesterAadObjectId: string;
  requesterName: string;
  tenantId: string;
  submissionId: string;
  steps: { role: ApprovalStep['role']; approverIds: string[] }[];
}

export type StepChange =
  | {
      kind: 'decide';
      decision: Decision;
      byAadObjectId: string;
      byName: string;
      comment: string | null;
    }
  | { kind: 'delegate'; delegate: { aadObjectId: string; name: string; byAadObjectId: string } }
  | { kind: 'withdraw' };

export interface ApprovalRepository {
  create(approval: NewApproval, at: Date): Promise<{ approval: Approval; created: boolean }>;
  get(id: string): Promise<Approval | undefined>;
  /** Applies the change to the current step if the approval is still at `expectedVersion`. */
  change(
    id: string,
    expectedVersion: number,
    change: StepChange,
    at: Date,
  ): Promise<Approval | 'stale'>;
  listPending(): Promise<Approval[]>;
  listByRequester(aadObjectId: string, limit: number): Promise<Approval[]>;
  /** Type, status and times of every request made since `since` (the tab's charts). */
  summariesSince(since: Date): Promise<ApprovalSummary[]>;
}

export interface ApprovalSummary {
  type: ApprovalType;
  status: ApprovalStatus;
  createdAt: Date;
  /** For a decided request: when it was decided. */
  updatedAt: Date;
}

export interface RegisterPort {
  /** Records the change (once per approval) and makes the register reflect it. */
  apply(change: RegisterChange, at: Date): Promise<void>;
}

/** The Teams side; each returns whether a new message was queued (false: already sent). */
export interface ApprovalNotifier {
  stepStarted(approval: Approval): Promise<void>;
  concluded(approval: Approval): Promise<void>;
  delegated(approval: Approval): Promise<void>;
  reminder(approval: Approval, kind: 'reminder' | 'escalation'): Promise<boolean>;
}

/** What a use case writes through; inside a unit of work all of it is bound to its transaction. */
/** Measures decided with an approval (the measures feature stores and sends them). */
export interface ConditionMeasures {
  decide(
    measure: DecidedMeasure,
    by: { aadObjectId: string; name: string },
    at: Date,
  ): Promise<unknown>;
}

/** Conditions of a final approval: each line becomes a measure, done by the same date. */
export interface Conditions {
  lines: string[];
  dueDate: string;
}

export const CONDITIONS_MAX = 10;

export interface ApprovalStore {
  approvals: ApprovalRepository;
  measures: ConditionMeasures;
  audit: AuditLog;
  register: RegisterPort;
  notifier: ApprovalNotifier;
}

export interface ApprovalDeps extends ApprovalStore {
  readonly org: OrgDirectory;
  clock: Clock;
  limits: { reminderWorkingDays: number; escalationWorkingDays: number };
  /** A decision, its audit events, its register change and its messages commit together. */
  unitOfWork: UnitOfWork<ApprovalStore>;
}

export interface Actor {
  aadObjectId: AadObjectId;
  name: string;
}

/** One audit event about an approval, in the use case's unit of work. */
function auditApproval(
  deps: Pick<ApprovalStore, 'audit'>,
  at: Date,
  actor: string,
  action: string,
  approvalId: string,
  details?: AuditEvent['details'],
): Promise<void> {
  return deps.audit.record({
    at,
    actor,
    action,
    objectType: 'approval',
    objectId: approvalId,
    details,
  });
}

export type RequestResult =
  | { kind: 'requested'; approval: Approval; created: boolean }
  /** Nobody but the requester could decide a step (the kommunchef's own annual goals). */
  | { kind: 'only-requester' };

export const requestApproval = transactional(request);

async function request(
  deps: ApprovalDeps,
  requester: Actor & { tenantId: string },
  submissionId: string,
  input: ApprovalRequestInput,
): Promise<RequestResult> {
  const now = deps.clock.now();
  const requesterId = deps.org.personByAadObjectId(requester.aadObjectId)?.id;
  const steps = planChain(input.type, input.subject, deps.org, requesterId);
  if (onlyRequesterCouldDecide(steps)) return { kind: 'only-requester' };
  const result = await deps.approvals.create(
    {
      ...input,
      requesterAadObjectId: requester.aadObjectId,
      requesterName: requester.name,
      tenantId: requester.tenantId,
      submissionId,
      steps,
    },
    now,
  );
  if (result.created) {
    await auditApproval(
      deps,
      now,
      requester.aadObjectId,
      'approval.requested',
      result.approval.id,
      { type: input.type },
    );
  }
  await deps.notifier.stepStarted(result.approval);
  return { kind: 'requested', ...result };
}

/**
 * Who may decide a step now: its approvers and its delegate, never the requester.
 * A step stored before the requester was left out of the chain, with the requester
 * as its only approver, goes to the kommunchef as a new request's would.
 */
export function decidersOf(
  approval: Pick<Approval, 'requesterAadObjectId'>,
  step: ApprovalStep,
  org: OrgDirectory,
): { personIds: string[]; delegateAadObjectId: string | undefined } {
  const requester = approval.requesterAadObjectId.toLowerCase();
  const requesterId = org.personByAadObjectId(requester)?.id;
  let personIds = step.approverIds.filter((id) => id !== requesterId);
  if (personIds.length === 0) personIds = [org.kommunchef().id].filter((id) => id !== requesterId);
  const delegate = step.delegate?.aadObjectId;
  return {
    personIds,
    delegateAadObjectId: delegate && delegate !== requester ? delegate : undefined,
  };
}

/** Whether this person may decide the step: an approver or the delegate, and not the requester. */
export function mayDecide(
  approval: Pick<Approval, 'requesterAadObjectId'>,
  step: ApprovalStep,
  actorAadObjectId: string,
  org: OrgDirectory,
): boolean {
  const aad = actorAadObjectId.toLowerCase();
  if (aad === approval.requesterAadObjectId.toLowerCase()) return false;
  const person = org.personByAadObjectId(aad);
  const { personIds, delegateAadObjectId } = decidersOf(approval, step, org);
  return (person !== undefined && personIds.includes(person.id)) || delegateAadObjectId === aad;
}

export type ApprovalActionResult =
  | { kind: 'ok'; approval: Approval }
  | { kind: 'already-decided'; approval: Approval }
  | { kind: 'not-yet'; approval: Approval }
  | { kind: 'forbidden' }
  | { kind: 'not-found' }
  | {
      kind: 'invalid';
      reason:
        | 'comment-required'
        | 'comment-too-long'
        | 'unknown-person'
        | 'self-delegation'
        | 'requester-delegation'
        | 'conditions-required'
        | 'conditions-too-many'
        | 'conditions-date'
        | 'conditions-not-last';
    };

/** Reads the approval and checks that the clicker may act on the given step now. */
async function currentFor(
  deps: ApprovalDeps,
  actor: Actor,
  approvalId: string,
  stepIndex: number,
): Promise<{ approval: Approval; step: ApprovalStep } | ApprovalActionResult> {
  const approval = await deps.approvals.get(approvalId);
  if (!approval) return { kind: 'not-found' };
  const step = approval.steps[stepIndex];
  if (!step) return { kind: 'not-found' };
  const allowed = mayDecide(approval, step, actor.aadObjectId, deps.org);
  if (approval.status !== 'pending' || stepIndex < approval.currentStep) {
    return allowed || approval.requesterAadObjectId === actor.aadObjectId
      ? { kind: 'already-decided', approval }
      : { kind: 'forbidden' };
  }
  if (!allowed) return { kind: 'forbidden' };
  if (stepIndex > approval.currentStep) return { kind: 'not-yet', approval };
  return { approval, step };
}

async function applyChange(
  deps: ApprovalDeps,
  approval: Approval,
  change: StepChange,
): Promise<Approval | ApprovalActionResult> {
  const updated = await deps.approvals.change(
    approval.id,
    approval.version,
    change,
    deps.clock.now(),
  );
  if (updated !== 'stale') return updated;
  // Someone else acted between our read and our write: the step is decided.
  const current = await deps.approvals.get(approval.id);
  return current ? { kind: 'already-decided', approval: current } : { kind: 'not-found' };
}

export const decideStep = transactional(decide);

async function decide(
  deps: ApprovalDeps,
  actor: Actor,
  approvalId: string,
  stepIndex: number,
  decision: Decision,
  comment: string | undefined,
  conditions?: Conditions,
): Promise<ApprovalActionResult> {
  const found = await currentFor(deps, actor, approvalId, stepIndex);
  if ('kind' in found) return found;
  const text = comment?.trim() ?? '';
  if (decision === 'rejected' && text === '')
    return { kind: 'invalid', reason: 'comment-required' };
  if (text.length > APPROVAL_LIMITS.comment) return { kind: 'invalid', reason: 'comment-too-long' };
  const lines = (conditions?.lines ?? []).map((l) => l.trim()).filter(Boolean);
  if (conditions && decision === 'approved') {
    // Conditions are the last decider's: earlier steps do not conclude the request.
    if (stepIndex !== found.approval.steps.length - 1)
      return { kind: 'invalid', reason: 'conditions-not-last' };
    if (lines.length === 0) return { kind: 'invalid', reason: 'conditions-required' };
    if (lines.length > CONDITIONS_MAX || lines.some((l) => l.length > APPROVAL_LIMITS.title))
      return { kind: 'invalid', reason: 'conditions-too-many' };
    const today = localParts(deps.clock.now(), deps.org.organisation.timezone).date;
    const last = `${Number(today.slice(0, 4)) + 3}${today.slice(4)}`;
    const due = conditions.dueDate.trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(due) || due < today || due > last)
      return { kind: 'invalid', reason: 'conditions-date' };
  }

  const result = await applyChange(deps, found.approval, {
    kind: 'decide',
    decision,
    byAadObjectId: actor.aadObjectId,
    byName: actor.name,
    comment: text === '' ? null : text,
  });
  if ('kind' in result) return result;
  const now = deps.clock.now();
  await auditApproval(
    deps,
    now,
    actor.aadObjectId,
    decision === 'approved' ? 'approval.approved-step' : 'approval.rejected',
    approvalId,
    { step: stepIndex, comment: text !== '' },
  );
  if (result.status === 'pending') await deps.notifier.stepStarted(result);
  else {
    if (result.status === 'approved') {
      await takeEffect(deps, result, now);
      if (conditions && lines.length > 0)
        await conditionMeasures(deps, result, actor, lines, conditions.dueDate.trim(), now);
    }
    await deps.notifier.concluded(result);
  }
  return { kind: 'ok', approval: result };
}

/**
 * Each condition of an approval becomes a measure for the requester (for the owner of
 * the system or document when the requester is not in the register), decided by the
 * one who approved with conditions.
 */
async function conditionMeasures(
  deps: ApprovalDeps,
  approval: Approval,
  actor: Actor,
  lines: string[],
  dueDate: string,
  now: Date,
): Promise<void> {
  const { subject } = approval;
  const ownerId =
    deps.org.personByAadObjectId(approval.requesterAadObjectId)?.id ??
    (subject.kind === 'system'
      ? deps.org.systemById(subject.systemId)?.owner
      : subject.kind === 'document'
        ? deps.org.documentById(subject.documentId)?.owner
        : undefined) ??
    deps.org.kommunchef().id;
  for (const [i, line] of lines.entries()) {
    await deps.measures.decide(
      {
        title: line,
        description: `${approval.title}: ${line}`,
        ownerId,
        dueDate,
        systemId: subject.kind === 'system' ? subject.systemId : null,
        origin: { kind: 'approval', approvalId: approval.id },
        submissionId: `approval:${approval.id}:condition:${i}`,
      },
      actor,
      now,
    );
  }
  await auditApproval(deps, now, actor.aadObjectId, 'approval.conditions', approval.id, {
    conditions: lines.length,
  });
}

export const delegateStep = transactional(delegate);

async function delegate(
  deps: ApprovalDeps,
  actor: Actor,
  approvalId: string,
  stepIndex: number,
  toPersonId: string,
): Promise<ApprovalActionResult> {
  const found = await currentFor(deps, actor, approvalId, stepIndex);
  if ('kind' in found) return found;
  const to = deps.org.personById(toPersonId);
  if (!to) return { kind: 'invalid', reason: 'unknown-person' };
  if (to.aadObjectId.toLowerCase() === actor.aadObjectId)
    return { kind: 'invalid', reason: 'self-delegation' };
  if (to.aadObjectId.toLowerCase() === found.approval.requesterAadObjectId.toLowerCase())
    return { kind: 'invalid', reason: 'requester-delegation' };
  const result = await applyChange(deps, found.approval, {
    kind: 'delegate',
    delegate: {
      aadObjectId: to.aadObjectId.toLowerCase(),
      name: to.name,
      byAadObjectId: actor.aadObjectId,
    },
  });
  if ('kind' in result) return result;
  await auditApproval(deps, deps.clock.now(), actor.aadObjectId, 'approval.delegated', approvalId, {
    step: stepIndex,
    to: to.id,
  });
  await deps.notifier.delegated(result);
  return { kind: 'ok', approval: result };
}

export const withdrawApproval = transactional(withdraw);

async function withdraw(
  deps: ApprovalDeps,
  actor: Actor,
  approvalId: string,
): Promise<ApprovalActionResult> {
  const approval = await deps.approvals.get(approvalId);
  if (!approval) return { kind: 'not-found' };
  if (approval.requesterAadObjectId !== actor.aadObjectId) return { kind: 'forbidden' };
  if (approval.status !== 'pending') return { kind: 'already-decided', approval };
  const result = await applyChange(deps, approval, { kind: 'withdraw' });
  if ('kind' in result) return result;
  await auditApproval(deps, deps.clock.now(), actor.aadObjectId, 'approval.withdrawn', approvalId);
  await deps.notifier.concluded(result);
  return { kind: 'ok', approval: result };
}

/** The register change an approved request makes. */
export function effectOf(
  approval: Approval,
  org: OrgDirectory,
  date: string,
): RegisterChange | undefined {
  const { subject } = approval;
  const approvalId = approval.id;
  switch (approval.type) {
    case 'driftgodkannande':
      return subject.kind === 'system'
        ? { kind: 'system-approved', systemId: subject.systemId, date, approvalId }
        : undefined;
    case 'systemsakerhetsplan': {
      const plan = subject.kind === 'system' ? securityPlanOf(org, subject.systemId) : undefined;
      return plan
        ? { kind: 'document-approved', documentId: plan.id, date, approvalId }
        : undefined;
    }
    case 'styrande-dokument':
      return subject.kind === 'document'
        ? { kind: 'document-approved', documentId: subject.documentId, date, approvalId }
        : undefined;
    case 'utse-systemagare':
      return subject.kind === 'system' && approval.proposedOwnerId
        ? {
            kind: 'system-owner',
            systemId: subject.systemId,
            ownerId: approval.proposedOwnerId,
            approvalId,
          }
        : undefined;
    case 'arliga-mal':
      return subject.kind === 'year'
        ? { kind: 'annual-goals', year: subject.year, date, approvalId }
        : undefined;
    case 'undantag':
      return subject.kind === 'system'
        ? { kind: 'exception', systemId: subject.systemId, approvalId }
        : undefined;
  }
}

async function takeEffect(deps: ApprovalDeps, approval: Approval, now: Date): Promise<void> {
  const date = localParts(now, deps.org.organisation.timezone).date;
  const change = effectOf(approval, deps.org, date);
  if (!change) return;
  await deps.register.apply(change, now);
  await auditApproval(deps, now, 'system', 'register.changed', approval.id, {
    change: change.kind,
  });
}

/** Reminds approvers of steps that wait too long, and escalates to the kommunchef; once per step each. */
export async function remindPendingApprovals(deps: ApprovalDeps): Promise<number> {
  const now = deps.clock.now();
  const tz = deps.org.organisation.timezone;
  let queued = 0;
  for (const approval of await deps.approvals.listPending()) {
    const step = currentStep(approval);
    if (!step?.startedAt) continue;
    const waited = workingDaysBetween(step.startedAt, now, tz);
    const kind =
      waited >= deps.limits.escalationWorkingDays
        ? 'escalation'
        : waited >= deps.limits.reminderWorkingDays
          ? 'reminder'
          : undefined;
    if (!kind) continue;
    // The reminder and its audit event commit together: the log never claims an unsent one.
    const sent = await inUnitOfWork(deps, async (tx) => {
      if (!(await tx.notifier.reminder(approval, kind))) return false;
      await auditApproval(
        tx,
        now,
        'system',
        kind === 'reminder' ? 'approval.reminded' : 'approval.escalated',
        approval.id,
        { step: step.index, workingDays: waited },
      );
      return true;
    });
    if (sent) queued++;
  }
  return queued;
}
