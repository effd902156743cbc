import type { AadObjectId } from '../../platform/identity.js';
import type { Clock } from '../../platform/clock.js';
import { nextInWindow } from './send-window.js';
import type { AnnualGoal, GoalFollowUp, GoalWithStatus } from './goal.js';
import type { OrgDirectory } from '../../org/index.js';
import {
  awarenessInLookback,
  dueOccurrences,
  lookbackStart,
  occurrencesBetween,
  recipientOf,
} from './reminder.schedule.js';
import {
  LATE_AFTER_MS,
  occurrenceKey,
  type OpenException,
  type OpenMeasure,
  type Recipient,
  type ReminderInputs,
  type ReminderOccurrence,
  type ReminderSettings,
} from './reminder.js';

export interface GoalRepository {
  /** Adds the organisation file's goals and updates those it already has (matched by id). */
  seed(goals: AnnualGoal[], at: Date): Promise<void>;
  get(id: string): Promise<AnnualGoal | undefined>;
  /** Every goal (or one year's) with its latest follow-up answer. */
  listWithStatus(year?: number): Promise<GoalWithStatus[]>;
  /** Stores the answer; the same person answering the same checkpoint again replaces it. */
  saveFollowUp(answer: GoalFollowUp): Promise<void>;
}

export interface OccurrenceRepository {
  /** The occurrence keys among these that were already sent. */
  recorded(occurrences: ReminderOccurrence[]): Promise<Set<string>>;
  record(sent: { occurrence: ReminderOccurrence; late: boolean }[], at: Date): Promise<void>;
  /** Was this occurrence sent (to `recipientKey`, or to anyone)? Card answers must refer to one. */
  exists(reminderId: string, localDate: string, recipientKey?: string): Promise<boolean>;
}

/** The measures not done yet (the measures feature stores them). */
export interface OpenMeasures {
  listOpen(): Promise<OpenMeasure[]>;
}

/** The approved exceptions with an end date (the approvals feature stores them). */
export interface ApprovedExceptions {
  listApproved(): Promise<OpenException[]>;
}

/** The answers to the recurring controls (the measures feature stores them). */
export interface AnsweredControls {
  /** `<control id>|<due date>` of every answer to a due date from `fromDate` on. */
  since(fromDate: string): Promise<{ controlId: string; dueDate: string }[]>;
}

/** Everyone the bot can reach: the org file's people and the people it has met in Teams. */
export interface StaffDirectory {
  list(): Promise<Recipient[]>;
}

/** Turns an occurrence into a message in the outbox (dedupe key = occurrence key). */
export interface ReminderNotifier {
  send(occurrence: ReminderOccurrence, late: boolean): Promise<void>;
}

export interface ReminderDeps {
  /** Asked at every evaluation, never kept: approvals change owners and approval dates. */
  org: () => OrgDirectory;
  goals: GoalRepository;
  measures: OpenMeasures;
  controls: AnsweredControls;
  exceptions: ApprovedExceptions;
  occurrences: OccurrenceRepository;
  staff: StaffDirectory;
  notifier: ReminderNotifier;
  settings: ReminderSettings;
  clock: Clock;
}

export interface ReminderRunResult {
  sent: number;
  late: number;
  /** What was sent, one entry per occurrence. */
  occurrences: { kind: ReminderOccurrence['subject']['kind']; late: boolean }[];
  failed: { key: string; error: unknown }[];
}

/** Staff merged from the org file and the person table, each once (by aadObjectId). */
export function mergeStaff(org: OrgDirectory, known: Recipient[]): Recipient[] {
  const byAad = new Map<string, Recipient>();
  for (const p of org.organisation.people) {
    const r = recipientOf(p);
    byAad.set(r.aadObjectId, r);
  }
  for (const r of known) {
    const aad = r.aadObjectId.toLowerCase();
    if (byAad.has(aad)) continue;
    const listed = org.personByAadObjectId(aad);
    byAad.set(aad, listed ? recipientOf(listed) : { ...r, aadObjectId: aad });
  }
  return [...byAad.values()];
}

/** The answered control due dates from a week before `from` on (escalations look back). */
async function answered(
  deps: Pick<ReminderDeps, 'controls' | 'settings'>,
  from: Date,
): Promise<Set<string>> {
  const since = new Date(from.getTime() - (deps.settings.measureEscalateDays + 2) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  return new Set((await deps.controls.since(since)).map((r) => `${r.controlId}|${r.dueDate}`));
}

/** The organisation is read from the directory each time: approvals may have changed the register. */
async function inputs(deps: ReminderDeps, withStaff: boolean, now: Date): Promise<ReminderInputs> {
  const org = deps.org();
  return {
    org: org.organisation,
    goals: await deps.goals.listWithStatus(),
    measures: await deps.measures.listOpen(),
    answeredControls: await answered(deps, lookbackStart(deps.settings, now)),
    exceptions: await deps.exceptions.listApproved(),
    staff: withStaff ? mergeStaff(org, await deps.staff.list()) : [],
    settings: deps.settings,
  };
}

const RECORD_BATCH = 200;

/**
 * Enqueues every occurrence whose time has come and that was not sent yet. Safe
 * to run at any time, as often as wanted, by several instances at once: the
 * message is enqueued first under the occurrence's dedupe key, then the
 * occurrence is recorded, so a crash in between is repaired by the next run.
 */
export async function runDueReminders(
  deps: ReminderDeps,
  now: Date = deps.clock.now(),
): Promise<ReminderRunResult> {
  const result: ReminderRunResult = { sent: 0, late: 0, occurrences: [], failed: [] };
  // A late occurrence found during quiet hours (after downtime, say) waits for the window too.
  const org = deps.org().organisation;
  if (nextInWindow(now, deps.settings.sendWindow, org.timezone).getTime() > now.getTime())
    return result;
  const due = dueOccurrences(await inputs(deps, awarenessInLookback(deps.settings, now), now), now);
  const recorded = await deps.occurrences.recorded(due);
  const done: { occurrence: ReminderOccurrence; late: boolean }[] = [];
  for (const occurrence of due) {
    if (recorded.has(occurrenceKey(occurrence))) continue;
    const late = now.getTime() - occurrence.sendAt.getTime() > LATE_AFTER_MS;
    try {
      await deps.notifier.send(occurrence, late);
      done.push({ occurrence, late });
      result.occurrences.push({ kind: occurrence.subject.kind, late });
      result.sent++;
      if (late) result.late++;
    } catch (error) {
      result.failed.push({ key: occurrenceKey(occurrence), error });
    }
    if (done.length >= RECORD_BATCH) await deps.occurrences.record(done.splice(0), now);
  }
  if (done.length > 0) await deps.occurrences.record(done, now);
  return result;
}

/** Every occurrence due in the window, sent or not (the CLI's `list`). */
export async function listOccurrences(
  deps: Pick<
    ReminderDeps,
    'org' | 'goals' | 'measures' | 'controls' | 'exceptions' | 'staff' | 'settings'
  >,
  from: Date,
  to: Date,
): Promise<ReminderOccurrence[]> {
  const org = deps.org();
  return occurrencesBetween(
    {
      org: org.organisation,
      goals: await deps.goals.listWithStatus(),
      measures: await deps.measures.listOpen(),
      answeredControls: await answered(deps, from),
      exceptions: await deps.exceptions.listApproved(),
      staff: mergeStaff(org, await deps.staff.list()),
      settings: deps.settings,
    },
    from,
    to,
  );
}

/** One person's occurrences from now on (`påminnelser`). */
export async function upcomingFor(
  deps: Pick<
    ReminderDeps,
    'org' | 'goals' | 'measures' | 'controls' | 'exceptions' | 'settings' | 'clock'
  >,
  aad: AadObjectId,
  days = 400,
): Promise<ReminderOccurrence[]> {
  const now = deps.clock.now();
  const org = deps.org();
  const listed = org.personByAadObjectId(aad);
  const me: Recipient = listed ? recipientOf(listed) : { key: aad, aadObjectId: aad, name: '' };
  return occurrencesBetween(
    {
      org: org.organisation,
      goals: await deps.goals.listWithStatus(),
      measures: await deps.measures.listOpen(),
      answeredControls: await answered(deps, now),
      exceptions: await deps.exceptions.listApproved(),
      staff: [me],
      settings: deps.settings,
    },
    now,
    new Date(now.getTime() + days * 86_400_000),
    (r) => r.aadObjectId === aad,
  ).filter((o) => !escalation(o));
}

/**
 * A reminder sent only if someone else has not acted by then (a late measure to the
 * coordinators and the kommunchef, an unanswered control to the coordinators): not a
 * reminder of the person's own, and not one to announce in advance.
 */
function escalation(o: ReminderOccurrence): boolean {
  const { subject } = o;
  if (subject.kind === 'measure')
    return subject.stage === 'coordinators' || subject.stage === 'kommunchef';
  if (subject.kind === 'control') return subject.stage === 'coordinators';
  return false;
}
