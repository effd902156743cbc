import type { OrgDirectory } from '../../org/index.js';
import { addZonedCalendarMonths } from '../../platform/calendar.js';
import type { Person } from '../../org/index.js';
import { concernsKommunchef, involvesPersonalData } from './incident.access.js';
import type { AuthorityReport, Incident, ReportKind } from './incident.js';

const HOUR = 3_600_000;

/**
 * The legal deadlines, counted from the time of discovery (awareness). The final
 * report's month is a calendar month on the organisation's wall clock, clamped to
 * the end of a shorter month (31 January → 28 February).
 */
export function reportDueAt(kind: ReportKind, discoveredAt: Date, timeZone: string): Date {
  switch (kind) {
    case 'imy':
    case 'csirt-notification':
      return new Date(discoveredAt.getTime() + 72 * HOUR);
    case 'csirt-early-warning':
      return new Date(discoveredAt.getTime() + 24 * HOUR);
    case 'csirt-final':
      return addZonedCalendarMonths(discoveredAt, 1, timeZone);
  }
}

/** The reports whose clocks run for an incident in this state. */
export function requiredReportKinds(
  incident: Pick<Incident, 'personalData' | 'severity' | 'systemId'>,
  org: OrgDirectory,
): ReportKind[] {
  const kinds: ReportKind[] = [];
  if (involvesPersonalData(incident)) kinds.push('imy');
  if (concernsKommunchef(incident, org))
    kinds.push('csirt-early-warning', 'csirt-notification', 'csirt-final');
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
      status: 'pending',
      decidedBy: null,
      decidedAt: null,
    }));
}

export type ReminderStage = 'half-time' | 'due-soon' | 'overdue';

/** Hours before the deadline for the "due soon" reminder. */
export const DUE_SOON_HOURS = 4;

function stageTimes(
  report: AuthorityReport,
  discoveredAt: Date,
): { stage: ReminderStage; at: Date }[] {
  const start = discoveredAt.getTime();
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
    const passed = stageTimes(report, incident.discoveredAt).filter(
      (s) => s.at.getTime() <= now.getTime(),
    );
    const latest = passed.at(-1);
    if (!latest) continue;
    const responsible = report.kind === 'imy' ? org.dataskyddsombud() : org.kommunchef();
    const recipients = [
      responsible,
      ...org.sakerhetssamordnare().filter((p) => p.id !== responsible.id),
    ];
    reminders.push({ report, stage: latest.stage, recipients });
  }
  return reminders;
}
