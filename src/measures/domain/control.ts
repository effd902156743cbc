import type { ControlInstance, OrgDirectory } from '../../org/index.js';
import { controlInstanceById, isControlDueDate } from '../../org/index.js';
import { addDays, localParts, parseDate } from '../../platform/calendar.js';
import { transactional } from '../../platform/unit-of-work.js';
import { MEASURE_LIMITS, type Measure } from './measure.js';
import type { MeasureActor, MeasureDeps } from './measure.service.js';

/** The answer to one due date of a recurring control. */
export interface ControlResult {
  controlId: string;
  dueDate: string;
  outcome: 'ok' | 'deviation';
  description: string | null;
  measureId: string | null;
  answeredByAadObjectId: string;
  answeredByName: string;
  answeredAt: Date;
}

export interface ControlResultRepository {
  /** Stores the answer unless the due date has one already; false when it had. */
  record(result: ControlResult): Promise<boolean>;
  get(controlId: string, dueDate: string): Promise<ControlResult | undefined>;
  /** The measure a deviation became. */
  attachMeasure(controlId: string, dueDate: string, measureId: string): Promise<void>;
  /** Answers to due dates from `fromDate` on (YYYY-MM-DD). */
  since(fromDate: string): Promise<ControlResult[]>;
}

/** Days a deviation's measure has, from the day the deviation is reported. */
export const DEVIATION_MEASURE_DAYS = 30;
/** A control may be answered this many days before its due date, never earlier. */
export const CONTROL_EARLY_DAYS = 30;

export type ControlAnswer = { kind: 'ok' } | { kind: 'deviation'; description: string };

export type ControlAnswerResult =
  | { kind: 'answered'; instance: ControlInstance; result: ControlResult; measure?: Measure }
  | { kind: 'already-answered'; instance: ControlInstance; result: ControlResult }
  | { kind: 'forbidden' }
  | { kind: 'not-found' }
  | { kind: 'invalid'; reason: 'description-required' | 'too-long' };

/** Who does the control now: its responsible person in the register as it stands. */
export function mayAnswer(instance: ControlInstance, aad: string, org: OrgDirectory): boolean {
  const person = org.personById(instance.responsibleId);
  return person !== undefined && person.aadObjectId === aad.toLowerCase();
}

export const answerControl = transactional(answer);

/**
 * The responsible person's answer to one due date: done without deviation, or a
 * deviation, which becomes a measure for them to carry out. Once per due date.
 */
async function answer(
  deps: MeasureDeps,
  actor: MeasureActor,
  controlId: string,
  dueDate: string,
  given: ControlAnswer,
): Promise<ControlAnswerResult> {
  const org = deps.org;
  const instance = controlInstanceById(org.organisation, controlId);
  if (!instance) return { kind: 'not-found' };
  if (!mayAnswer(instance, actor.aadObjectId, org)) return { kind: 'forbidden' };
  const now = deps.clock.now();
  const today = localParts(now, org.organisation.timezone).date;
  const latest = addDays(parseDate(today)!, CONTROL_EARLY_DAYS).toString();
  if (!isControlDueDate(instance.control, dueDate) || dueDate > latest)
    return { kind: 'not-found' };
  const existing = await deps.controls.get(controlId, dueDate);
  if (existing) return { kind: 'already-answered', instance, result: existing };
  let description: string | null = null;
  if (given.kind === 'deviation') {
    description = given.description.trim();
    if (!description) return { kind: 'invalid', reason: 'description-required' };
    if (description.length > MEASURE_LIMITS.comment) return { kind: 'invalid', reason: 'too-long' };
  }
  const result: ControlResult = {
    controlId,
    dueDate,
    outcome: given.kind,
    description,
    measureId: null,
    answeredByAadObjectId: actor.aadObjectId,
    answeredByName: actor.name,
    answeredAt: now,
  };
  // The answer first: of two clicks at once only one records it, and only that one goes on.
  if (!(await deps.controls.record(result))) {
    const winner = await deps.controls.get(controlId, dueDate);
    if (winner) return { kind: 'already-answered', instance, result: winner };
    throw new Error('control result neither recorded nor found');
  }
  let measure: Measure | undefined;
  if (description !== null) {
    const created = await deps.measures.create(
      {
        title: `Åtgärda avvikelse: ${instance.control.title}`.slice(0, MEASURE_LIMITS.title),
        description,
        ownerId: instance.responsibleId,
        dueDate: addDays(parseDate(today)!, DEVIATION_MEASURE_DAYS).toString(),
        systemId: instance.systemId,
        origin: { kind: 'control', controlId },
        createdByAadObjectId: actor.aadObjectId,
        createdByName: actor.name,
        submissionId: `control:${controlId}:${dueDate}`,
      },
      now,
    );
    measure = created.measure;
    result.measureId = measure.id;
    await deps.controls.attachMeasure(controlId, dueDate, measure.id);
  }
  await deps.audit.record({
    at: now,
    actor: actor.aadObjectId,
    action: given.kind === 'ok' ? 'control.done' : 'control.deviation',
    objectType: 'control',
    objectId: controlId,
    details: { dueDate },
  });
  if (measure) {
    await deps.audit.record({
      at: now,
      actor: actor.aadObjectId,
      action: 'measure.created',
      objectType: 'measure',
      objectId: measure.id,
      details: { origin: 'control' },
    });
    await deps.notifier.deviation(measure);
  }
  return { kind: 'answered', instance, result, measure };
}
