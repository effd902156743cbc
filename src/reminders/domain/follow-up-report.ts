import type { Clock } from '../../platform/clock.js';
import type { GoalStatus } from './goal.js';
import type { OrgDirectory } from '../../org/index.js';
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
  /** Approvals decided in the year. */
  approvalsDecidedInYear(
    year: number,
  ): Promise<{ type: string; status: 'approved' | 'rejected' }[]>;
  clock: Clock;
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
    awareness:
      campaign && campaign.startsWith(`${year}-`)
        ? await sources.awareness.share(campaign)
        : undefined,
  };
}
