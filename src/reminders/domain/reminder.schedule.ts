import { Temporal } from 'temporal-polyfill';
import { controlDueDates, controlInstances } from '../../org/index.js';
import type { Organisation, Person } from '../../org/index.js';
import {
  addCalendarMonths,
  addDays,
  localDate,
  localParts,
  parseDate,
  parseTime,
  zonedInstant,
} from '../../platform/calendar.js';
import { wallClockTimes, type CronSchedule } from './cron.js';
import {
  occurrenceKey,
  type ControlStage,
  type ExceptionStage,
  type MeasureStage,
  type Recipient,
  type ReminderInputs,
  type ReminderOccurrence,
  type ReminderSettings,
  type ReminderSubject,
} from './reminder.js';
import { nextInWindow } from './send-window.js';

/**
 * Which reminders fall due when. Pure: the organisation, the goal register and
 * the staff list come in, occurrences come out. Nothing is remembered between
 * calls, so a register change (a document approved again) is seen at once.
 */

const DAY_MS = 86_400_000;

export function recipientOf(person: Person): Recipient {
  return { key: person.id, aadObjectId: person.aadObjectId, name: person.name };
}

/**
 * The local dates and instants an expression names between `from` and `to`
 * (inclusive). Each wall-clock time once, read with the calendar's DST choice:
 * the repeated hour in October fires once (its first pass), a time in the hour
 * skipped in March an hour later, and a skipped time that lands on one the
 * expression names anyway (02:30 → 03:30) fires once.
 */
export function cronInstants(
  schedule: CronSchedule,
  from: Date,
  to: Date,
  timeZone: string,
): { localDate: string; at: Date }[] {
  const out: { localDate: string; at: Date }[] = [];
  const seen = new Set<number>();
  const times = wallClockTimes(schedule, localDate(from, timeZone), localDate(to, timeZone));
  for (const time of times) {
    const at = zonedInstant(time.toPlainDate(), time.toPlainTime(), timeZone);
    if (at < from || at > to || seen.has(at.getTime())) continue;
    seen.add(at.getTime());
    out.push({ localDate: time.toPlainDate().toString(), at });
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** A YYYY-MM-DD date string of the register or the goals, which the parsers have checked. */
function registerDate(text: string): Temporal.PlainDate {
  const date = parseDate(text);
  if (!date) throw new Error(`bad date ${text}`);
  return date;
}

/** Calendar months later, clamped to the month's last day (2025-01-31 + 1 → 2025-02-28). */
export function addMonths(date: string, months: number): string {
  return addCalendarMonths(registerDate(date), months).toString();
}

/** A date string some days later (or earlier). */
const daysFrom = (date: string, days: number): string =>
  addDays(registerDate(date), days).toString();

/** When a governing document is next to be revised: approved + interval. */
export function revisionDueDate(doc: { approvedAt: string; reviewEveryMonths: number }): string {
  return addMonths(doc.approvedAt, doc.reviewEveryMonths);
}

interface Builder {
  settings: ReminderSettings;
  make(
    reminderId: string,
    subject: ReminderSubject,
    recipient: Recipient,
    dueAt: Date,
    expires: boolean,
  ): ReminderOccurrence;
  onDate(date: string): Date;
}

function builder(settings: ReminderSettings): Builder {
  const tz = settings.timeZone;
  return {
    settings,
    make(reminderId, subject, recipient, dueAt, expires) {
      const sendAt = nextInWindow(dueAt, settings.sendWindow, tz);
      return {
        reminderId,
        subject,
        recipient,
        localDate: localParts(dueAt, tz).date,
        dueAt,
        sendAt,
        expiresAt: expires ? new Date(sendAt.getTime() + settings.catchUpDays * DAY_MS) : undefined,
      };
    },
    onDate(date) {
      const time = parseTime(settings.dailyTime);
      if (!time) throw new Error(`bad time ${settings.dailyTime}`);
      return zonedInstant(registerDate(date), time, tz);
    },
  };
}

function scheduled(
  b: Builder,
  org: Organisation,
  from: Date,
  to: Date,
  staff: () => Recipient[],
): ReminderOccurrence[] {
  const { schedules, timeZone } = b.settings;
  const byId = new Map(org.people.map((p) => [p.id, p]));
  const person = (id: string) => byId.get(id);
  const kommunchef = person(org.roles.kommunchef);
  const coordinators = org.roles.sakerhetssamordnare.flatMap((id) => {
    const p = person(id);
    return p ? [p] : [];
  });
  const out: ReminderOccurrence[] = [];
  const yearOf = (localDate: string) => Number(localDate.slice(0, 4));

  for (const { localDate, at } of cronInstants(schedules.planning, from, to, timeZone)) {
    const planners = [...(kommunchef ? [kommunchef] : []), ...coordinators];
    const unique = [...new Map(planners.map((p) => [p.id, p])).values()];
    for (const p of unique)
      out.push(
        b.make(
          'planning',
          { kind: 'planning', year: yearOf(localDate) + 1 },
          recipientOf(p),
          at,
          true,
        ),
      );
  }
  for (const { at } of cronInstants(schedules.threatAnalysis, from, to, timeZone)) {
    for (const system of org.systems.filter((s) => s.samhallsviktigt)) {
      const owner = person(system.owner);
      if (!owner) continue;
      out.push(
        b.make(
          `threat-analysis:${system.id}`,
          { kind: 'threat-analysis', systemId: system.id },
          recipientOf(owner),
          at,
          true,
        ),
      );
    }
  }
  const awareness = cronInstants(schedules.awareness, from, to, timeZone);
  if (awareness.length > 0) {
    const everyone = staff();
    for (const { at } of awareness)
      for (const r of everyone) out.push(b.make('awareness', { kind: 'awareness' }, r, at, true));
  }
  if (kommunchef) {
    for (const { localDate, at } of cronInstants(schedules.report, from, to, timeZone))
      out.push(
        b.make(
          'report',
          { kind: 'report', year: yearOf(localDate) },
          recipientOf(kommunchef),
          at,
          true,
        ),
      );
  }
  return out;
}

function goalOccurrences(b: Builder, inputs: ReminderInputs): ReminderOccurrence[] {
  const byId = new Map(inputs.org.people.map((p) => [p.id, p]));
  const out: ReminderOccurrence[] = [];
  for (const { goal, latest } of inputs.goals) {
    // A goal reported done is not chased any more.
    if (latest?.status === 'genomford') continue;
    const responsible = byId.get(goal.responsible);
    if (!responsible) continue;
    const checkpoints = [
      ...goal.followUp.map((date) => ({ date, kind: 'follow-up' as const })),
      { date: goal.deadline, kind: 'deadline' as const },
    ];
    for (const checkpoint of checkpoints) {
      const dueAt = b.onDate(daysFrom(checkpoint.date, -b.settings.goalDaysBefore));
      out.push(
        b.make(
          `goal:${goal.id}`,
          {
            kind: 'goal',
            goalId: goal.id,
            checkpoint: checkpoint.date,
            checkpointKind: checkpoint.kind,
          },
          recipientOf(responsible),
          dueAt,
          true,
        ),
      );
    }
  }
  return out;
}

function revisionOccurrences(b: Builder, org: Organisation): ReminderOccurrence[] {
  const byId = new Map(org.people.map((p) => [p.id, p]));
  const kommunchef = byId.get(org.roles.kommunchef);
  const out: ReminderOccurrence[] = [];
  for (const doc of org.documents) {
    const dueDate = revisionDueDate(doc);
    const owner = byId.get(doc.owner);
    const subject = (stage: 'soon' | 'due' | 'overdue'): ReminderSubject => ({
      kind: 'revision',
      documentId: doc.id,
      dueDate,
      stage,
    });
    // Overdue is a state, not a moment: these never expire, however late they are seen.
    if (owner) {
      const soon = b.onDate(daysFrom(dueDate, -b.settings.revisionDaysBefore));
      out.push(b.make(`revision:${doc.id}`, subject('soon'), recipientOf(owner), soon, false));
      out.push(
        b.make(`revision:${doc.id}`, subject('due'), recipientOf(owner), b.onDate(dueDate), false),
      );
    }
    if (kommunchef) {
      const overdue = b.onDate(daysFrom(dueDate, 1));
      out.push(
        b.make(`revision:${doc.id}`, subject('overdue'), recipientOf(kommunchef), overdue, false),
      );
    }
  }
  return out;
}

/**
 * A measure's reminders, under one id per due date (a new date, once approved, starts
 * them again): the owner before the due date and the day after it, the coordinators
 * `measureEscalateDays` later, the kommunchef twice as late. Each goes once, and none
 * after the owner marks the measure done (it is no longer open). Overdue is a state:
 * these never expire.
 */
function measureOccurrences(b: Builder, inputs: ReminderInputs): ReminderOccurrence[] {
  const { org, settings } = inputs;
  const byId = new Map(org.people.map((p) => [p.id, p]));
  const kommunchef = byId.get(org.roles.kommunchef);
  const coordinators = org.roles.sakerhetssamordnare.flatMap((id) => {
    const p = byId.get(id);
    return p ? [p] : [];
  });
  const out: ReminderOccurrence[] = [];
  for (const measure of inputs.measures) {
    const owner = byId.get(measure.ownerId);
    const reminderId = `measure:${measure.id}:${measure.dueDate}`;
    const subject = (stage: MeasureStage): ReminderSubject => ({
      kind: 'measure',
      measureId: measure.id,
      title: measure.title,
      dueDate: measure.dueDate,
      stage,
    });
    const on = (days: number) => b.onDate(daysFrom(measure.dueDate, days));
    if (owner) {
      const soon = on(-settings.measureDaysBefore);
      out.push(b.make(reminderId, subject('soon'), recipientOf(owner), soon, false));
      out.push(b.make(reminderId, subject('overdue'), recipientOf(owner), on(1), false));
    }
    const escalate = on(1 + settings.measureEscalateDays);
    for (const p of coordinators) {
      if (p.id === measure.ownerId) continue;
      out.push(b.make(reminderId, subject('coordinators'), recipientOf(p), escalate, false));
    }
    if (kommunchef && kommunchef.id !== measure.ownerId) {
      const late = on(1 + 2 * settings.measureEscalateDays);
      out.push(b.make(reminderId, subject('kommunchef'), recipientOf(kommunchef), late, false));
    }
  }
  return out;
}

/** An exception's owner hears this many days before it ends. */
export const EXCEPTION_DAYS_BEFORE = 30;

/**
 * An approved exception's end: its owner 30 days before the last day it applies, and the
 * day after it, when the exception becomes a measure ("åtgärda eller begär nytt"). Under
 * one id per end date; never expired (an ended exception is a state).
 */
function exceptionOccurrences(b: Builder, inputs: ReminderInputs): ReminderOccurrence[] {
  const byId = new Map(inputs.org.people.map((p) => [p.id, p]));
  const out: ReminderOccurrence[] = [];
  for (const exception of inputs.exceptions) {
    const owner = byId.get(exception.ownerId);
    if (!owner) continue;
    const reminderId = `exception:${exception.id}:${exception.validUntil}`;
    const subject = (stage: ExceptionStage): ReminderSubject => ({
      kind: 'exception',
      approvalId: exception.id,
      title: exception.title,
      validUntil: exception.validUntil,
      subject: exception.subject,
      stage,
    });
    const on = (days: number) => b.onDate(daysFrom(exception.validUntil, days));
    out.push(
      b.make(reminderId, subject('ending'), recipientOf(owner), on(-EXCEPTION_DAYS_BEFORE), false),
    );
    out.push(b.make(reminderId, subject('ended'), recipientOf(owner), on(1), false));
  }
  return out;
}

/**
 * The due dates of the recurring controls between `from` and `to`: the responsible
 * person on the due date, the coordinators `measureEscalateDays` later if it is still
 * not answered. A due date answered is not reminded of. Like the other scheduled
 * reminders they are not sent after `catchUpDays` of downtime.
 */
function controlOccurrences(
  b: Builder,
  inputs: ReminderInputs,
  from: Date,
  to: Date,
): ReminderOccurrence[] {
  const { org, settings } = inputs;
  const tz = settings.timeZone;
  const byId = new Map(org.people.map((p) => [p.id, p]));
  const coordinators = org.roles.sakerhetssamordnare.flatMap((id) => {
    const p = byId.get(id);
    return p ? [p] : [];
  });
  const escalate = settings.measureEscalateDays;
  const first = addDays(localDate(from, tz), -escalate - 1).toString();
  const last = localDate(to, tz).toString();
  const out: ReminderOccurrence[] = [];
  for (const instance of controlInstances(org)) {
    const responsible = byId.get(instance.responsibleId);
    for (const dueDate of controlDueDates(instance.control, first, last)) {
      if (inputs.answeredControls.has(`${instance.id}|${dueDate}`)) continue;
      const reminderId = `control:${instance.id}:${dueDate}`;
      const subject = (stage: ControlStage): ReminderSubject => ({
        kind: 'control',
        controlId: instance.id,
        title: instance.control.title,
        dueDate,
        stage,
      });
      if (responsible)
        out.push(
          b.make(reminderId, subject('due'), recipientOf(responsible), b.onDate(dueDate), true),
        );
      const late = b.onDate(daysFrom(dueDate, escalate));
      for (const p of coordinators) {
        if (p.id === instance.responsibleId) continue;
        out.push(b.make(reminderId, subject('coordinators'), recipientOf(p), late, true));
      }
    }
  }
  return out;
}

const byDue = (a: ReminderOccurrence, b: ReminderOccurrence) =>
  a.dueAt.getTime() - b.dueAt.getTime() ||
  a.reminderId.localeCompare(b.reminderId) ||
  a.recipient.key.localeCompare(b.recipient.key);

/** Every occurrence due between `from` and `to` (inclusive), whether sent or not, in time order. */
export function occurrencesBetween(
  inputs: ReminderInputs,
  from: Date,
  to: Date,
  onlyFor?: (r: Recipient) => boolean,
): ReminderOccurrence[] {
  const b = builder(inputs.settings);
  const staff = () => (onlyFor ? inputs.staff.filter(onlyFor) : inputs.staff);
  return [
    ...scheduled(b, inputs.org, from, to, staff),
    ...goalOccurrences(b, inputs),
    ...revisionOccurrences(b, inputs.org),
    ...measureOccurrences(b, inputs),
    ...controlOccurrences(b, inputs, from, to),
    ...exceptionOccurrences(b, inputs),
  ]
    .filter((o) => o.dueAt >= from && o.dueAt <= to && (!onlyFor || onlyFor(o.recipient)))
    .sort(byDue);
}

/** How far back scheduled occurrences are looked for: the catch-up period plus a week of quiet hours. */
export function lookbackStart(settings: ReminderSettings, now: Date): Date {
  return new Date(now.getTime() - (settings.catchUpDays + 8) * DAY_MS);
}

/**
 * What should go out now: per reminder and recipient only the latest occurrence
 * whose send time has come (after downtime the missed one is sent once, not once
 * per missed tick), unless it has expired. The caller drops those already sent.
 */
export function dueOccurrences(inputs: ReminderInputs, now: Date): ReminderOccurrence[] {
  const b = builder(inputs.settings);
  const candidates = [
    ...scheduled(b, inputs.org, lookbackStart(inputs.settings, now), now, () => inputs.staff),
    ...goalOccurrences(b, inputs),
    ...revisionOccurrences(b, inputs.org),
    ...measureOccurrences(b, inputs),
    ...controlOccurrences(b, inputs, lookbackStart(inputs.settings, now), now),
    ...exceptionOccurrences(b, inputs),
  ].filter((o) => o.sendAt <= now);
  const latest = new Map<string, ReminderOccurrence>();
  for (const o of candidates) {
    const key = `${o.reminderId}|${o.recipient.key}`;
    const current = latest.get(key);
    if (!current || o.dueAt > current.dueAt) latest.set(key, o);
  }
  return [...latest.values()]
    .filter((o) => o.expiresAt === undefined || now < o.expiresAt)
    .sort(byDue);
}

/** True when the awareness schedule has an occurrence in the lookback period (the staff list is needed). */
export function awarenessInLookback(settings: ReminderSettings, now: Date): boolean {
  return (
    cronInstants(settings.schedules.awareness, lookbackStart(settings, now), now, settings.timeZone)
      .length > 0
  );
}

export { occurrenceKey };
