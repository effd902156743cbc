import type { AuditEvent, AuditLog, OrgDirectory, Person } from '../../org/index.js';
import type { Clock } from '../../platform/clock.js';
import { localParts, parseDate } from '../../platform/calendar.js';
import type { AadObjectId } from '../../platform/identity.js';
import { transactional, type UnitOfWork } from '../../platform/unit-of-work.js';
import type { ControlResultRepository } from './control.js';
import { MEASURE_LIMITS, SYSTEM_ACTOR, type Measure } from './measure.js';
import {
  dueDateError,
  type MeasureFieldError,
  type NewMeasureInput,
} from './measure.validation.js';

export type MeasureChange =
  | { kind: 'start' }
  | { kind: 'done'; comment: string }
  | { kind: 'request-extension'; dueDate: string; reason: string }
  | { kind: 'extension-approved' }
  | { kind: 'extension-rejected' };

export interface NewMeasure extends NewMeasureInput {
  createdByAadObjectId: string;
  createdByName: string;
  submissionId: string;
}

export interface MeasureRepository {
  /** Stores the measure once per creator and form (a second press of the same form returns the first). */
  create(measure: NewMeasure, at: Date): Promise<{ measure: Measure; created: boolean }>;
  get(id: string): Promise<Measure | undefined>;
  /** Applies the change if the measure is still at `expectedVersion`. */
  change(
    id: string,
    expectedVersion: number,
    change: MeasureChange,
    at: Date,
  ): Promise<Measure | 'stale'>;
  /** Measures not done yet, oldest due date first. */
  listOpen(): Promise<Measure[]>;
  listByOwner(ownerId: string, limit: number): Promise<Measure[]>;
  /** Every measure created in [from, to) or still open at `from`: what a year's report counts. */
  listForPeriod(from: Date, to: Date): Promise<Measure[]>;
}

/** The Teams side: each message is queued in the use case's transaction, once per dedupe key. */
export interface MeasureNotifier {
  assigned(measure: Measure): Promise<void>;
  extensionRequested(measure: Measure): Promise<void>;
  extensionDecided(
    measure: Measure,
    decision: 'approved' | 'rejected',
    requestedAt: Date,
  ): Promise<void>;
  done(measure: Measure): Promise<void>;
  /** A control found a deviation: the coordinators are told of the measure it became. */
  deviation(measure: Measure): Promise<void>;
}

export interface MeasureStore {
  measures: MeasureRepository;
  controls: ControlResultRepository;
  audit: AuditLog;
  notifier: MeasureNotifier;
}

export interface MeasureDeps extends MeasureStore {
  readonly org: OrgDirectory;
  clock: Clock;
  unitOfWork: UnitOfWork<MeasureStore>;
}

export interface MeasureActor {
  aadObjectId: AadObjectId;
  name: string;
}

const lower = (aad: string) => aad.toLowerCase();

/** Who may decide measures: the säkerhetssamordnare, the kommunchef and every systemägare. */
export function mayCreateMeasures(person: Person | undefined, org: OrgDirectory): boolean {
  if (!person) return false;
  return (
    person.id === org.organisation.roles.kommunchef ||
    org.isSakerhetssamordnare(person.id) ||
    org.systemsOwnedBy(person.id).length > 0
  );
}

/** The aadObjectId of the measure's owner, if the owner is still in the register. */
export function ownerAad(measure: Measure, org: OrgDirectory): string | undefined {
  const owner = org.personById(measure.ownerId);
  return owner ? lower(owner.aadObjectId) : undefined;
}

/**
 * Who decides a request for more time: the one who created the measure, unless that is
 * the owner (nobody decides their own request); then the säkerhetssamordnare, and the
 * kommunchef when the owner is the only one.
 */
export function extensionDeciders(measure: Measure, org: OrgDirectory): string[] {
  const owner = ownerAad(measure, org);
  const creator = lower(measure.createdByAadObjectId);
  if (creator !== owner && creator !== SYSTEM_ACTOR) return [creator];
  const coordinators = org
    .sakerhetssamordnare()
    .map((p) => lower(p.aadObjectId))
    .filter((aad) => aad !== owner);
  if (coordinators.length > 0) return coordinators;
  const chief = lower(org.kommunchef().aadObjectId);
  return chief === owner ? [] : [chief];
}

/**
 * Who sees a measure: its owner and creator, the säkerhetssamordnare, the kommunchef,
 * and the owner of the system it concerns. Nobody else, whatever a card sends.
 */
export function mayView(measure: Measure, aad: string, org: OrgDirectory): boolean {
  const me = lower(aad);
  if (!me) return false;
  if (me === ownerAad(measure, org) || me === lower(measure.createdByAadObjectId)) return true;
  const person = org.personByAadObjectId(me);
  if (!person) return false;
  if (person.id === org.organisation.roles.kommunchef || org.isSakerhetssamordnare(person.id))
    return true;
  const system = measure.systemId ? org.systemById(measure.systemId) : undefined;
  return system?.owner === person.id;
}

export type MeasureActionResult =
  | { kind: 'ok'; measure: Measure }
  | { kind: 'already-done'; measure: Measure }
  | { kind: 'already-decided'; measure: Measure }
  | { kind: 'extension-pending'; measure: Measure }
  | { kind: 'changed'; measure: Measure }
  | { kind: 'forbidden' }
  | { kind: 'not-found' }
  | {
      kind: 'invalid';
      reason: 'comment-required' | 'reason-required' | 'too-long' | MeasureFieldError;
    };

function auditMeasure(
  deps: Pick<MeasureStore, 'audit'>,
  at: Date,
  actor: string,
  action: string,
  measureId: string,
  details?: AuditEvent['details'],
): Promise<void> {
  return deps.audit.record({
    at,
    actor,
    action,
    objectType: 'measure',
    objectId: measureId,
    details,
  });
}

export type CreateResult = { kind: 'created'; measure: Measure } | { kind: 'forbidden' };

export const createMeasure = transactional(create);

async function create(
  deps: MeasureDeps,
  actor: MeasureActor,
  submissionId: string,
  input: NewMeasureInput,
): Promise<CreateResult> {
  if (!mayCreateMeasures(deps.org.personByAadObjectId(actor.aadObjectId), deps.org))
    return { kind: 'forbidden' };
  const now = deps.clock.now();
  const result = await deps.measures.create(
    {
      ...input,
      createdByAadObjectId: actor.aadObjectId,
      createdByName: actor.name,
      submissionId,
    },
    now,
  );
  if (result.created) {
    await auditMeasure(deps, now, actor.aadObjectId, 'measure.created', result.measure.id, {
      origin: input.origin.kind,
    });
    await deps.notifier.assigned(result.measure);
  }
  return { kind: 'created', measure: result.measure };
}

export type OwnerChange =
  | { kind: 'start' }
  | { kind: 'done'; comment: string }
  | { kind: 'request-extension'; dueDate: string; reason: string };

export const changeMeasure = transactional(ownerChange);

/** The owner's buttons: started, done (with what was done), more time (a date and why). */
async function ownerChange(
  deps: MeasureDeps,
  actor: MeasureActor,
  measureId: string,
  change: OwnerChange,
): Promise<MeasureActionResult> {
  const measure = await deps.measures.get(measureId);
  if (!measure) return { kind: 'not-found' };
  if (lower(actor.aadObjectId) !== ownerAad(measure, deps.org)) return { kind: 'forbidden' };
  if (measure.status === 'done') return { kind: 'already-done', measure };
  const now = deps.clock.now();
  let stored: MeasureChange = change;
  switch (change.kind) {
    case 'start':
      // A second press changes nothing.
      if (measure.status === 'started') return { kind: 'ok', measure };
      break;
    case 'done': {
      const comment = change.comment.trim();
      if (!comment) return { kind: 'invalid', reason: 'comment-required' };
      if (comment.length > MEASURE_LIMITS.comment) return { kind: 'invalid', reason: 'too-long' };
      stored = { kind: 'done', comment };
      break;
    }
    case 'request-extension': {
      if (measure.extension) return { kind: 'extension-pending', measure };
      const reason = change.reason.trim();
      if (!reason) return { kind: 'invalid', reason: 'reason-required' };
      if (reason.length > MEASURE_LIMITS.comment) return { kind: 'invalid', reason: 'too-long' };
      const today = localParts(now, deps.org.organisation.timezone).date;
      const error = dueDateError(change.dueDate, today);
      if (error) return { kind: 'invalid', reason: error };
      const dueDate = parseDate(change.dueDate.trim())!.toString();
      if (dueDate <= measure.dueDate) return { kind: 'invalid', reason: 'badDate' };
      stored = { kind: 'request-extension', dueDate, reason };
      break;
    }
  }
  const changed = await deps.measures.change(measure.id, measure.version, stored, now);
  if (changed === 'stale') {
    const current = (await deps.measures.get(measure.id)) ?? measure;
    return { kind: 'changed', measure: current };
  }
  const action = {
    start: 'measure.started',
    done: 'measure.done',
    'request-extension': 'measure.extension-requested',
  }[change.kind];
  await auditMeasure(deps, now, actor.aadObjectId, action, measure.id);
  if (change.kind === 'done') await deps.notifier.done(changed);
  if (change.kind === 'request-extension') await deps.notifier.extensionRequested(changed);
  return { kind: 'ok', measure: changed };
}

export const decideExtension = transactional(extensionDecision);

/** The decider approves or rejects the new date the owner asked for (`requestedAt` names the request). */
async function extensionDecision(
  deps: MeasureDeps,
  actor: MeasureActor,
  measureId: string,
  requestedAt: string,
  decision: 'approved' | 'rejected',
): Promise<MeasureActionResult> {
  const measure = await deps.measures.get(measureId);
  if (!measure) return { kind: 'not-found' };
  const me = lower(actor.aadObjectId);
  if (!extensionDeciders(measure, deps.org).includes(me)) return { kind: 'forbidden' };
  const pending = measure.extension;
  if (!pending || pending.requestedAt.toISOString() !== requestedAt || measure.status === 'done')
    return { kind: 'already-decided', measure };
  const now = deps.clock.now();
  const changed = await deps.measures.change(
    measure.id,
    measure.version,
    { kind: decision === 'approved' ? 'extension-approved' : 'extension-rejected' },
    now,
  );
  if (changed === 'stale') {
    const current = (await deps.measures.get(measure.id)) ?? measure;
    return { kind: 'already-decided', measure: current };
  }
  await auditMeasure(deps, now, actor.aadObjectId, `measure.extension-${decision}`, measure.id, {
    from: measure.dueDate,
    to: pending.dueDate,
  });
  await deps.notifier.extensionDecided(changed, decision, pending.requestedAt);
  return { kind: 'ok', measure: changed };
}
