import type { AadObjectId } from '../../platform/identity.js';
import type { AuditLog } from '../../org/index.js';
import type { MeasureRepository } from '../../measures/index.js';
import type { Clock } from '../../platform/clock.js';
import { transactional, type UnitOfWork } from '../../platform/unit-of-work.js';
import type { OrgDirectory } from '../../org/index.js';
import type { ItSystem } from '../../org/index.js';
import { localParts, parseDate } from '../../platform/calendar.js';
import { recipientOf } from './reminder.schedule.js';
import type { OccurrenceRepository } from './reminder.service.js';

/** Answers to reminder cards other than goals: threat-picture reviews and the rules acknowledgement. */

export interface ThreatReview {
  systemId: string;
  /** Local date of the reminder the confirmation answers. */
  checkpoint: string;
  confirmedByAadObjectId: string;
  confirmedByName: string;
  comment: string | null;
  confirmedAt: Date;
  /** Set when the threat picture changed: what changed, in the owner's words. */
  changes: ThreatChanges | null;
  /** The measure the review led to. */
  measureId: string | null;
}

export interface ThreatChanges {
  threats: string;
  vulnerabilities: string;
  consequences: string;
}

/** A measure decided in a threat-analysis answer (the measures feature stores it). */
export type ThreatMeasures = Pick<MeasureRepository, 'create'>;

export interface ThreatReviewRepository {
  /** Stores the review unless one exists for the checkpoint; returns the stored one. */
  confirm(review: ThreatReview): Promise<{ created: boolean; review: ThreatReview }>;
  /** The measure the review at `checkpoint` led to. */
  attachMeasure(systemId: string, checkpoint: string, measureId: string): Promise<void>;
  latest(systemId: string): Promise<ThreatReview | undefined>;
  inYear(year: number): Promise<ThreatReview[]>;
}

export interface AwarenessShare {
  campaign: string;
  recipients: number;
  acknowledged: number;
}

export interface AwarenessRepository {
  acknowledge(
    campaign: string,
    aadObjectId: string,
    recipientKey: string,
    at: Date,
  ): Promise<{ created: boolean; at: Date }>;
  /** The latest campaign sent (its local date), if any. */
  latestCampaign(): Promise<string | undefined>;
  share(campaign: string): Promise<AwarenessShare>;
}

/** What an answer writes through; inside a unit of work all of it is bound to its transaction. */
export interface AnswerStore {
  occurrences: OccurrenceRepository;
  threatReviews: ThreatReviewRepository;
  awareness: AwarenessRepository;
  measures: ThreatMeasures;
  audit: AuditLog;
}

export interface AnswerDeps extends AnswerStore {
  org: () => OrgDirectory;
  clock: Clock;
  /** An answer and its audit event commit together or not at all. */
  unitOfWork: UnitOfWork<AnswerStore>;
}

export interface Responder {
  aadObjectId: AadObjectId;
  name: string;
}

export const THREAT_COMMENT_MAX = 2000;

export type ThreatReviewResult =
  | { kind: 'confirmed' | 'already-confirmed'; system: ItSystem; review: ThreatReview }
  | { kind: 'forbidden' }
  | { kind: 'not-found' }
  | {
      kind: 'invalid';
      reason: 'comment-too-long' | 'changes-required' | 'measure-date' | 'measure-title';
    };

/** A measure decided in the answer must be done within this many years. */
const MEASURE_YEARS_AHEAD = 3;

/** Only the system's current owner confirms, and only a reminder that was sent. */
export const confirmThreatReview = transactional(confirm);

async function confirm(
  deps: AnswerDeps,
  actor: Responder,
  input: {
    systemId: string;
    checkpoint: string;
    comment: string;
    /** Set when the owner says the threat picture changed. */
    changes?: ThreatChanges;
    /** A measure the changes call for: its title and due date. */
    measure?: { title: string; dueDate: string };
  },
): Promise<ThreatReviewResult> {
  const org = deps.org();
  const system = org.systemById(input.systemId);
  if (!system?.samhallsviktigt) return { kind: 'not-found' };
  const owner = org.personById(system.owner);
  if (!owner || owner.aadObjectId !== actor.aadObjectId) return { kind: 'forbidden' };
  if (!(await deps.occurrences.exists(`threat-analysis:${system.id}`, input.checkpoint)))
    return { kind: 'not-found' };
  const comment = input.comment.trim();
  if (comment.length > THREAT_COMMENT_MAX) return { kind: 'invalid', reason: 'comment-too-long' };
  const at = deps.clock.now();
  const changes = input.changes && {
    threats: input.changes.threats.trim(),
    vulnerabilities: input.changes.vulnerabilities.trim(),
    consequences: input.changes.consequences.trim(),
  };
  if (changes && !changes.threats && !changes.vulnerabilities && !changes.consequences)
    return { kind: 'invalid', reason: 'changes-required' };
  if (changes && Object.values(changes).some((t) => t.length > THREAT_COMMENT_MAX))
    return { kind: 'invalid', reason: 'comment-too-long' };
  const measureTitle = input.measure?.title.trim() ?? '';
  const measureDue = input.measure?.dueDate.trim() ?? '';
  if (measureDue && !measureTitle) return { kind: 'invalid', reason: 'measure-title' };
  if (measureTitle) {
    const today = localParts(at, org.organisation.timezone).date;
    const last = `${Number(today.slice(0, 4)) + MEASURE_YEARS_AHEAD}${today.slice(4)}`;
    if (!parseDate(measureDue) || measureDue < today || measureDue > last)
      return { kind: 'invalid', reason: 'measure-date' };
    if (measureTitle.length > 120) return { kind: 'invalid', reason: 'measure-title' };
  }
  const { created, review } = await deps.threatReviews.confirm({
    systemId: system.id,
    checkpoint: input.checkpoint,
    confirmedByAadObjectId: actor.aadObjectId,
    confirmedByName: actor.name,
    comment: comment === '' ? null : comment,
    confirmedAt: at,
    changes: changes ?? null,
    measureId: null,
  });
  if (!created) return { kind: 'already-confirmed', system, review };
  await deps.audit.record({
    at,
    actor: actor.aadObjectId,
    action: changes ? 'threat-analysis.changed' : 'threat-analysis.confirmed',
    objectType: 'system',
    objectId: system.id,
    details: { checkpoint: input.checkpoint },
  });
  if (!measureTitle) return { kind: 'confirmed', system, review };
  // The measure is the owner's own: they decided it, so a request for more time goes to
  // the coordinators (nobody decides their own request).
  const description = changes
    ? [changes.threats, changes.vulnerabilities, changes.consequences].filter(Boolean).join('\n\n')
    : comment || measureTitle;
  const { measure } = await deps.measures.create(
    {
      title: measureTitle,
      description,
      ownerId: system.owner,
      dueDate: measureDue,
      systemId: system.id,
      origin: { kind: 'threat-analysis', systemId: system.id },
      createdByAadObjectId: actor.aadObjectId,
      createdByName: actor.name,
      submissionId: `threat-analysis:${system.id}:${input.checkpoint}`,
    },
    at,
  );
  await deps.threatReviews.attachMeasure(system.id, input.checkpoint, measure.id);
  await deps.audit.record({
    at,
    actor: actor.aadObjectId,
    action: 'measure.created',
    objectType: 'measure',
    objectId: measure.id,
    details: { origin: 'threat-analysis' },
  });
  return { kind: 'confirmed', system, review: { ...review, measureId: measure.id } };
}

export type AcknowledgeResult =
  { kind: 'acknowledged' | 'already-acknowledged'; at: Date } | { kind: 'not-found' };

/** The clicker acknowledges for themselves, for a message they were sent. */
export const acknowledgeAwareness = transactional(acknowledge);

async function acknowledge(
  deps: AnswerDeps,
  aad: AadObjectId,
  campaign: string,
): Promise<AcknowledgeResult> {
  const listed = deps.org().personByAadObjectId(aad);
  const key = listed ? recipientOf(listed).key : aad;
  if (!(await deps.occurrences.exists('awareness', campaign, key))) return { kind: 'not-found' };
  const { created, at } = await deps.awareness.acknowledge(campaign, aad, key, deps.clock.now());
  return { kind: created ? 'acknowledged' : 'already-acknowledged', at };
}

/** The share of staff who acknowledged the latest message: for the säkerhetssamordnare and the kommunchef. */
export async function awarenessShare(
  deps: AnswerDeps,
  aadObjectId: string,
): Promise<AwarenessShare | 'forbidden' | 'none'> {
  const org = deps.org();
  const person = org.personByAadObjectId(aadObjectId);
  const roles = person ? org.rolesOf(person.id) : [];
  if (!roles.includes('sakerhetssamordnare') && !roles.includes('kommunchef')) return 'forbidden';
  const campaign = await deps.awareness.latestCampaign();
  return campaign ? deps.awareness.share(campaign) : 'none';
}
