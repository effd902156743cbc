import type { OrgDirectory } from '../../org/index.js';
import { addZonedCalendarMonths } from '../../platform/calendar.js';
import type { Person } from '../../org/index.js';
import { concernsKommunchef, ersattareCalledIn, involvesPersonalData } from './incident.access.js';
import {
  HANDLED_STATUSES,
  type AuthorityReport,
  type Incident,
  type ReportKind,
  type ReportStatus,
} from './incident.js';

const HOUR = 3_600_000;

/**
 * One calendar month on the organisation's wall clock, clamped to the end of a
 * shorter month (31 January → 28 February): how the final report's month is counted.
 */
export function oneMonthAfter(instant: Date, timeZone: string): Date {
  return addZonedCalendarMonths(instant, 1, timeZone);
}

/**
 * The legal deadlines as they stand when an incident is reported. IMY (GDPR art. 33),
 * the CSIRT early warning and notification count from awareness (the time of
 * discovery). The final report counts from the notification, so until the
 * notification is made it is expected a month after the notification is due; a
 * lägesrapport is due only if the incident is still being handled then
 * (`followingClocks` moves them as the incident goes on).
 */
export function reportDueAt(kind: ReportKind, discoveredAt: Date, timeZone: string): Date {
  switch (kind) {
    case 'data-subjects':
      // Until the question is answered: decided with the IMY call at the latest.
      return new Date(discoveredAt.getTime() + 72 * HOUR);
    case 'imy':
    case 'csirt-notification':
      return new Date(discoveredAt.getTime() + 72 * HOUR);
    case 'csirt-early-warning':
      return new Date(discoveredAt.getTime() + 24 * HOUR);
    case 'csirt-progress':
    case 'csirt-final':
      return oneMonthAfter(reportDueAt('csirt-notification', discoveredAt, timeZone), timeZone);
  }
}

/** The art. 34 question waits for its answer; every other clock runs from the start. */
export function initialStatus(kind: ReportKind): 'pending' | 'waiting' {
  return kind === 'data-subjects' ? 'waiting' : 'pending';
}

/**
 * "Without undue delay" (GDPR art. 34): once the answer is yes, the bot reminds as if
 * the data subjects were to be informed within this time.
 */
export const INFORM_DATA_SUBJECTS_HOURS = 72;

export function dataSubjectsDueAt(answeredAt: Date): Date {
  return new Date(answeredAt.getTime() + INFORM_DATA_SUBJECTS_HOURS * HOUR);
}

/** A clock that starts, moves or stops waiting because of what happened to the incident. */
export interface ClockChange {
  kind: ReportKind;
  dueAt: Date;
  status: Extract<ReportStatus, 'pending' | 'waiting'>;
  why: 'notification-made' | 'still-handled' | 'handled' | 'data-subjects-to-be-informed';
}

/**
 * What the incident's state at `now` does to the final report's clock:
 * - the notification made: the final report is due one month after it was made;
 * - the final report due within `DUE_SOON_HOURS` while the incident is still being
 *   handled: a lägesrapport is due at that time instead, and the final report waits;
 * - a waiting final report once the incident is handled: due one month after `now`.
 */
export function followingClocks(incident: Incident, now: Date, timeZone: string): ClockChange[] {
  const report = (kind: ReportKind) => incident.reports.find((r) => r.kind === kind);
  const final = report('csirt-final');
  const notification = report('csirt-notification');
  const progress = report('csirt-progress');
  const handled = HANDLED_STATUSES.includes(incident.status);
  if (!final) return [];
  if (final.status === 'waiting') {
    return handled
      ? [
          {
            kind: 'csirt-final',
            dueAt: oneMonthAfter(now, timeZone),
            status: 'pending',
            why: 'handled',
          },
        ]
      : [];
  }
  if (final.status !== 'pending' || progress) return [];
  if (notification?.status === 'made' && notification.decidedAt) {
    const due = oneMonthAfter(notification.decidedAt, timeZone);
    if (due.getTime() !== final.dueAt.getTime())
      return [{ kind: 'csirt-final', dueAt: due, status: 'pending', why: 'notification-made' }];
  }
  const almostDue = now.getTime() >= final.dueAt.getTime() - DUE_SOON_HOURS * HOUR;
  if (!handled && almostDue && notification?.status === 'made') {
    return [
      { kind: 'csirt-progress', dueAt: final.dueAt, status: 'pending', why: 'still-handled' },
      { kind: 'csirt-final', dueAt: final.dueAt, status: 'waiting', why: 'still-handled' },
    ];
  }
  return [];
}

/** The reports whose clocks run for an incident in this state. */
export function requiredReportKinds(
  incident: Pick<Incident, 'personalData' | 'severity' | 'systemId'>,
  org: OrgDirectory,
): ReportKind[] {
  const kinds: ReportKind[] = [];
  if (involvesPersonalData(incident)) kinds.push('imy', 'data-subjects');
  if (concernsKommunchef(incident, org))
    kinds.push('csirt-early-warning', 'csirt-notification', 'csirt-final');
  // csirt-progress is not required from the start: `followingClocks` adds it when needed.
  return kinds;
}

/** Reports an incident should have but does not have yet (after a change of severity, say). */
export function missingReports(incident: Incident, org: OrgDirectory): AuthorityReport[] {
  const have = new Set(incident.reports.map((r) => r.kind));
  return requiredReportKinds(incident, org)
    .filter((kind) => !have.has(kind))
    .map((kind) => ({
      kind,
      dueAt: reportDueAt(kind, incident.discoveredAt, org.organisation.timezone),
      status: initialStatus(kind),
      decidedBy: null,
      decidedAt: null,
      reason: null,
    }));
}

export type ReminderStage = 'half-time' | 'due-soon' | 'overdue';

/** Hours before the deadline for the "due soon" reminder. */
export const DUE_SOON_HOURS = 4;

/**
 * When a report's clock started: awareness, or for the final report and the
 * lägesrapport a month before they are due (the notification, or the incident
 * handled), so half-time falls in the middle of their own month.
 */
function clockStart(report: AuthorityReport, discoveredAt: Date, timeZone: string): number {
  if (report.kind === 'data-subjects' && report.decidedAt) return report.decidedAt.getTime();
  if (report.kind !== 'csirt-final' && report.kind !== 'csirt-progress')
    return discoveredAt.getTime();
  const monthBefore = addZonedCalendarMonths(report.dueAt, -1, timeZone).getTime();
  return Math.max(discoveredAt.getTime(), monthBefore);
}

function stageTimes(
  report: AuthorityReport,
  discoveredAt: Date,
  timeZone: string,
): { stage: ReminderStage; at: Date }[] {
  const start = clockStart(report, discoveredAt, timeZone);
  const due = report.dueAt.getTime();
  return [
    { stage: 'half-time', at: new Date(start + (due - start) / 2) },
    { stage: 'due-soon', at: new Date(due - DUE_SOON_HOURS * HOUR) },
    { stage: 'overdue', at: report.dueAt },
  ];
}

export interface DeadlineReminder {
  report: AuthorityReport;
  stage: ReminderStage;
  recipients: Person[];
  /** When it was found due. */
  at: Date;
}

/**
 * The reminder each pending report needs now: the latest stage whose time has come.
 * After downtime only that one is sent, not every stage that was missed.
 */
export function dueDeadlineReminders(
  incident: Incident,
  org: OrgDirectory,
  now: Date,
): DeadlineReminder[] {
  const reminders: DeadlineReminder[] = [];
  for (const report of incident.reports) {
    if (report.status !== 'pending') continue;
    const passed = stageTimes(report, incident.discoveredAt, org.organisation.timezone).filter(
      (s) => s.at.getTime() <= now.getTime(),
    );
    const latest = passed.at(-1);
    if (!latest) continue;
    // IMY: the one who decides, the dataskyddsombud informed. CSIRT: the kommunchef, and
    // the ersättare too once called in. The coordinators follow every clock.
    const deciders =
      report.kind === 'imy' || report.kind === 'data-subjects'
        ? [org.breachDecider(incident.systemId), org.dataskyddsombud()]
        : [
            org.kommunchef(),
            ...(ersattareCalledIn(incident, org, now) ? [org.ersattare()!.person] : []),
          ];
    const recipients = [...deciders, ...org.sakerhetssamordnare()].filter(
      (p, i, all) => all.findIndex((q) => q.id === p.id) === i,
    );
    reminders.push({ report, stage: latest.stage, recipients, at: now });
  }
  return reminders;
}
