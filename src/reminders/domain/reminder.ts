import type { GoalWithStatus } from './goal.js';
import type { Organisation } from '../../org/index.js';
import type { CronSchedule } from './cron.js';
import type { SendWindow } from './send-window.js';

/** What a reminder is about; the card and the title are chosen from this. */
export type ReminderSubject =
  | { kind: 'goal'; goalId: string; checkpoint: string; checkpointKind: 'follow-up' | 'deadline' }
  /** Prepare the goals of `year` (next year). */
  | { kind: 'planning'; year: number }
  | { kind: 'revision'; documentId: string; dueDate: string; stage: RevisionStage }
  | { kind: 'threat-analysis'; systemId: string }
  | { kind: 'awareness' }
  /** The annual follow-up report for the calendar year `year`. */
  | { kind: 'report'; year: number }
  | { kind: 'measure'; measureId: string; title: string; dueDate: string; stage: MeasureStage }
  /** An approved exception (undantag) about to end, or ended (then it became a measure). */
  | {
      kind: 'exception';
      approvalId: string;
      title: string;
      validUntil: string;
      subject: string;
      stage: ExceptionStage;
    }
  /** One due date of a recurring control (`controlId`: the control instance). */
  | { kind: 'control'; controlId: string; title: string; dueDate: string; stage: ControlStage };

export type ExceptionStage = 'ending' | 'ended';

/** What the schedule reads of an approved exception (the approvals feature stores it). */
export interface OpenException {
  id: string;
  title: string;
  ownerId: string;
  /** The last day it applies (YYYY-MM-DD). */
  validUntil: string;
  subject: string;
}

/** To the responsible person on the due date; to the coordinators when it is still not done. */
export type ControlStage = 'due' | 'coordinators';

/** Before the due date and after it to the owner, then to the coordinators, then to the kommunchef. */
export type MeasureStage = 'soon' | 'overdue' | 'coordinators' | 'kommunchef';

/** What the schedule reads of an open measure (the measures feature stores it). */
export interface OpenMeasure {
  id: string;
  title: string;
  /** Person id of the owner in the organisation file. */
  ownerId: string;
  dueDate: string;
}

export type RevisionStage = 'soon' | 'due' | 'overdue';

/** Someone a reminder goes to: `key` is the org file's person id, or the aadObjectId of staff not listed there. */
export interface Recipient {
  key: string;
  aadObjectId: string;
  name: string;
}

/**
 * One reminder to one person on one local date. The triple (reminderId,
 * recipient.key, localDate) is the occurrence key: it is sent once.
 */
export interface ReminderOccurrence {
  reminderId: string;
  subject: ReminderSubject;
  recipient: Recipient;
  /** The local calendar date of `dueAt` in the organisation's time zone. */
  localDate: string;
  /** When the schedule or the register says it is due. */
  dueAt: Date;
  /** `dueAt` moved out of quiet hours: when it goes out. */
  sendAt: Date;
  /** A missed occurrence is not sent after this (undefined: always worth sending). */
  expiresAt: Date | undefined;
}

export function occurrenceKey(
  o: Pick<ReminderOccurrence, 'reminderId' | 'localDate'> & {
    recipient: Pick<Recipient, 'key'>;
  },
): string {
  return `${o.reminderId}|${o.recipient.key}|${o.localDate}`;
}

/** The outbox dedupe key: one message per occurrence, also across restarts and instances. */
export function occurrenceDedupeKey(o: ReminderOccurrence): string {
  return `reminder:${o.reminderId}:${o.recipient.key}:${o.localDate}`;
}

export interface ReminderSchedules {
  /** Prepare next year's goals (default 1 September). */
  planning: CronSchedule;
  /** Threat picture of samhällsviktiga systems (default every 6 months). */
  threatAnalysis: CronSchedule;
  /** Yearly rules summary to all staff. */
  awareness: CronSchedule;
  /** Annual follow-up report to the kommunchef. */
  report: CronSchedule;
}

export interface ReminderSettings {
  timeZone: string;
  schedules: ReminderSchedules;
  /** HH:mm: when date-based reminders (goals, revisions) are due on their day. */
  dailyTime: string;
  sendWindow: SendWindow;
  revisionDaysBefore: number;
  goalDaysBefore: number;
  /** The owner's reminder, days before a measure's due date. */
  measureDaysBefore: number;
  /** Days after the due date when a measure still open goes to the coordinators (twice that: the kommunchef). */
  measureEscalateDays: number;
  /** A missed scheduled occurrence older than this is not sent after downtime. */
  catchUpDays: number;
}

/** Everything occurrences are computed from, read fresh at each evaluation. */
export interface ReminderInputs {
  org: Organisation;
  goals: GoalWithStatus[];
  /** Measures not done yet. */
  measures: OpenMeasure[];
  /** Approved exceptions with an end date. */
  exceptions: OpenException[];
  /** The control due dates already answered, as `<control id>|<due date>`. */
  answeredControls: ReadonlySet<string>;
  /** Everyone the bot can reach (the org file's people and the person table), for awareness. */
  staff: Recipient[];
  settings: ReminderSettings;
}

/** A missed occurrence sent this long after its send time is marked late. */
export const LATE_AFTER_MS = 15 * 60_000;
