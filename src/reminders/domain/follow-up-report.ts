import type { Clock } from '../../platform/clock.js';
import type { GoalStatus } from './goal.js';
import { controlDueDates, controlInstances, type OrgDirectory } from '../../org/index.js';
import { localParts } from '../../platform/calendar.js';
import type {
  AwarenessRepository,
  AwarenessShare,
  ThreatReviewRepository,
} from './reminder-answers.js';
import { revisionDueDate } from './reminder.schedule.js';
import type { GoalRepository } from './reminder.service.js';

/** The annual follow-up of policy 5: goals, revisions, threat reviews, incidents, approvals, awareness. */
export interface FollowUpReport {
  organisation: string;
  year: number;
  /** Local date the report was made. */
  date: string;
  goals: {
    id: string;
    title: string;
    deadline: string;
    responsible: string;
    status: GoalStatus | null;
    comment: string | null;
    answeredAt: Date | null;
  }[];
  revisions: {
    done: { id: string; title: string; approvedAt: string }[];
    overdue: { id: string; title: string; dueDate: string; owner: string }[];
  };
  threatReviews: { systemId: string; system: string; confirmedAt: Date | null }[];
  /** Reported incidents per category and local month (index 0 = January). */
  incidents: { category: string; perMonth: number[]; total: number }[];
  approvals: { type: string; approved: number; rejected: number }[];
  awareness: AwarenessShare | undefined;
  /**
   * Decided measures per origin: decided in the year, done in the year, open past their
   * due date on the report's date, and the median days from decision to done.
   */
  measures: {
    byOrigin: {
      origin: string;
      decided: number;
      done: number;
      overdue: number;
      medianLeadDays: number | null;
    }[];
    /** Measures open past their due date, the oldest due first. */
    overdue: { title: string; owner: string; dueDate: string; origin: string }[];
  };
  /**
   * The recurring controls per instruction and system: due dates in the year up to the
   * report's date, how many were answered, and how many of those found a deviation.
   */
  /** Exceptions (undantag) whose last day fell in the year and has passed, oldest first. */
  exceptionsEnded: { title: string; owner: string; validUntil: string }[];
  controls: {
    title: string;
    instruction: string;
    area: string;
    /** The system's name; empty for a control of the whole organisation. */
    system: string;
    due: number;
    done: number;
    deviations: number;
  }[];
  /**
   * Every decision in the year not to report (IMY, CSIRT) or not to inform the data
   * subjects, with who made it and why (GDPR art. 33.5), oldest first.
   */
  notReported: {
    number: string;
    kind: string;
    decidedBy: string;
    decidedOn: string;
    reason: string;
  }[];
}

export interface ReportSources {
  org: () => OrgDirectory;
  goals: GoalRepository;
  threatReviews: ThreatReviewRepository;
  awareness: AwarenessRepository;
  /** Incidents reported in the year, with their category and time. */
  incidentsInYear(year: number): Promise<{ category: string; reportedAt: Date }[]>;
  /** Authority reports decided `not-required` in the year. */
  notReportedInYear(year: number): Promise<
    {
      number: string;
      kind: string;
      decidedBy: string | null;
      decidedAt: Date;
      reason: string | null;
    }[]
  >;
  /** Measures decided in the year, done in it, or still open during it. */
  measuresOfYear(year: number): Promise<MeasureFact[]>;
  /** Approved exceptions with an end date. */
  exceptions: { listApproved(): Promise<{ title: string; ownerId: string; validUntil: string }[]> };
  /** Answers to control due dates in the year. */
  controlResultsOfYear(
    year: number,
  ): Promise<{ controlId: string; dueDate: string; outcome: string }[]>;
  /** Approvals decided in the year. */
  approvalsDecidedInYear(
    year: number,
  ): Promise<{ type: string; status: 'approved' | 'rejected' }[]>;
  clock: Clock;
}

/** What the report reads of a measure. */
export interface MeasureFact {
  title: string;
  ownerId: string;
  dueDate: string;
  origin: string;
  createdAt: Date;
  doneAt: Date | null;
}

const DAY_MS = 86_400_000;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

function measureSummary(
  facts: MeasureFact[],
  year: number,
  today: string,
  tz: string,
  name: (id: string) => string,
): FollowUpReport['measures'] {
  const inYear = (d: Date | null) => d !== null && localParts(d, tz).date.startsWith(`${year}-`);
  const origins = [...new Set(facts.map((f) => f.origin))].sort();
  const isOverdue = (f: MeasureFact) => f.doneAt === null && f.dueDate < today;
  return {
    byOrigin: origins.map((origin) => {
      const mine = facts.filter((f) => f.origin === origin);
      const done = mine.filter((f) => inYear(f.doneAt));
      return {
        origin,
        decided: mine.filter((f) => inYear(f.createdAt)).length,
        done: done.length,
        overdue: mine.filter(isOverdue).length,
        medianLeadDays: median(
          done.map((f) => Math.round((f.doneAt!.getTime() - f.createdAt.getTime()) / DAY_MS)),
        ),
      };
    }),
    overdue: facts
      .filter(isOverdue)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
      .map((f) => ({
        title: f.title,
        owner: name(f.ownerId),
        dueDate: f.dueDate,
        origin: f.origin,
      })),
  };
}

function controlSummary(
  org: OrgDirectory,
  results: { controlId: string; dueDate: string; outcome: string }[],
  year: number,
  today: string,
): FollowUpReport['controls'] {
  const yearEnd = `${year}-12-31`;
  const until = today < yearEnd ? today : yearEnd;
  const answers = new Map(results.map((r) => [`${r.controlId}|${r.dueDate}`, r.outcome]));
  return controlInstances(org.organisation)
    .map((instance) => {
      const due = controlDueDates(instance.control, `${year}-01-01`, until);
      const outcomes = due.flatMap((d) => answers.get(`${instance.id}|${d}`) ?? []);
      return {
        title: instance.control.title,
        instruction:
          org.documentById(instance.control.instruction)?.title ?? instance.control.instruction,
        area: instance.control.area,
        system: instance.systemId
          ? (org.systemById(instance.systemId)?.name ?? instance.systemId)
          : '',
        due: due.length,
        done: outcomes.length,
        deviations: outcomes.filter((o) => o === 'deviation').length,
      };
    })
    .sort(
      (a, b) =>
        a.instruction.localeCompare(b.instruction, 'sv') ||
        a.area.localeCompare(b.area, 'sv') ||
        a.system.localeCompare(b.system, 'sv'),
    );
}

/** Builds the report for a calendar year, as the register stands now. */
export async function buildFollowUpReport(
  sources: ReportSources,
  year: number,
  categories: readonly string[],
): Promise<FollowUpReport> {
  const org = sources.org();
  const tz = org.organisation.timezone;
  const today = localParts(sources.clock.now(), tz).date;
  const name = (id: string) => org.personById(id)?.name ?? id;

  const goals = (await sources.goals.listWithStatus(year)).map(({ goal, latest }) => ({
    id: goal.id,
    title: goal.title,
    deadline: goal.deadline,
    responsible: name(goal.responsible),
    status: latest?.status ?? null,
    comment: latest?.comment ?? null,
    answeredAt: latest?.answeredAt ?? null,
  }));

  const documents = org.organisation.documents;
  const done = documents
    .filter((d) => d.approvedAt.startsWith(`${year}-`))
    .map((d) => ({ id: d.id, title: d.title, approvedAt: d.approvedAt }));
  const overdue = documents
    .map((d) => ({ d, dueDate: revisionDueDate(d) }))
    .filter(({ dueDate }) => dueDate < today)
    .map(({ d, dueDate }) => ({ id: d.id, title: d.title, dueDate, owner: name(d.owner) }));

  const reviewed = new Map<string, Date>();
  for (const r of await sources.threatReviews.inYear(year)) {
    const seen = reviewed.get(r.systemId);
    if (!seen || r.confirmedAt > seen) reviewed.set(r.systemId, r.confirmedAt);
  }
  const threatReviews = org.organisation.systems
    .filter((s) => s.samhallsviktigt)
    .map((s) => ({ systemId: s.id, system: s.name, confirmedAt: reviewed.get(s.id) ?? null }));

  const counts = new Map<string, number[]>(categories.map((c) => [c, Array<number>(12).fill(0)]));
  for (const incident of await sources.incidentsInYear(year)) {
    const local = localParts(incident.reportedAt, tz).date;
    if (!local.startsWith(`${year}-`)) continue;
    const perMonth = counts.get(incident.category) ?? Array<number>(12).fill(0);
    perMonth[Number(local.slice(5, 7)) - 1]! += 1;
    counts.set(incident.category, perMonth);
  }
  const incidents = [...counts].map(([category, perMonth]) => ({
    category,
    perMonth,
    total: perMonth.reduce((a, b) => a + b, 0),
  }));

  const byType = new Map<string, { approved: number; rejected: number }>();
  for (const a of await sources.approvalsDecidedInYear(year)) {
    const entry = byType.get(a.type) ?? { approved: 0, rejected: 0 };
    entry[a.status] += 1;
    byType.set(a.type, entry);
  }

  const deciderName = (aad: string | null) =>
    (aad ? org.personByAadObjectId(aad)?.name : undefined) ?? aad ?? '';
  const notReported = (await sources.notReportedInYear(year))
    .filter((c) => localParts(c.decidedAt, tz).date.startsWith(`${year}-`))
    .sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime())
    .map((c) => ({
      number: c.number,
      kind: c.kind,
      decidedBy: deciderName(c.decidedBy),
      decidedOn: localParts(c.decidedAt, tz).date,
      reason: c.reason ?? '',
    }));

  const campaign = await sources.awareness.latestCampaign();
  return {
    organisation: org.organisation.organisation,
    year,
    date: today,
    goals,
    revisions: { done, overdue },
    threatReviews,
    incidents,
    approvals: [...byType].map(([type, n]) => ({ type, ...n })),
    notReported,
    measures: measureSummary(await sources.measuresOfYear(year), year, today, tz, name),
    exceptionsEnded: (await sources.exceptions.listApproved())
      .filter((e) => e.validUntil.startsWith(`${year}-`) && e.validUntil < today)
      .map((e) => ({ title: e.title, owner: name(e.ownerId), validUntil: e.validUntil })),
    controls: controlSummary(org, await sources.controlResultsOfYear(year), year, today),
    awareness:
      campaign && campaign.startsWith(`${year}-`)
        ? await sources.awareness.share(campaign)
        : undefined,
  };
}
