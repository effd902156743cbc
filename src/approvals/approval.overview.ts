import { formatLocal } from '../platform/calendar.js';
import {
  section,
  type DashboardPart,
  type OverviewContribution,
  type Viewer,
} from '../platform/overview.js';
import type { Locale } from '../platform/strings.js';
import { approvalsOf } from './approval.commands.js';
import { subjectName } from './approval.card.js';
import { approvalStringsFor } from './approval.strings.js';
import { APPROVAL_TYPES, type Approval, type ApprovalStatus } from './domain/approval.js';
import type { ApprovalDeps } from './domain/approval.service.js';

const DAY_MS = 86_400_000;
/** The dashboard counts the requests of the last twelve months. */
const WINDOW_DAYS = 365;
const STATUSES: ApprovalStatus[] = ['pending', 'approved', 'rejected', 'withdrawn'];

const overviewStrings = {
  sv: {
    byStatus: 'Godkännanden de senaste tolv månaderna, efter status',
    leadTime: 'Ledtid till beslut, median i dagar, efter typ',
    requests: 'Begäranden',
    days: 'Dagar',
  },
  en: {
    byStatus: 'Approvals in the last twelve months, by status',
    leadTime: 'Lead time to decision, median days, by type',
    requests: 'Requests',
    days: 'Days',
  },
} satisfies Record<Locale, unknown>;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(value * 10) / 10;
}

/** What the approvals feature shows in the tab. */
export function approvalOverview(deps: ApprovalDeps): OverviewContribution {
  return {
    async personal(viewer: Viewer) {
      const s = approvalStringsFor(viewer.locale);
      const tz = deps.org.organisation.timezone;
      const { waiting, mine } = await approvalsOf(deps, viewer.aadObjectId);
      const item = (a: Approval) => ({
        title: a.title,
        subtitle: [
          s.types[a.type],
          subjectName(a, deps.org, s),
          s.statuses[a.status],
          formatLocal(a.createdAt, tz),
        ].join(' · '),
      });
      return [
        section('approvals.waiting', s.list.waiting, s.list.none, waiting.map(item)),
        section('approvals.mine', s.list.mine, s.list.none, mine.map(item)),
      ];
    },

    async dashboard(viewer: Viewer): Promise<DashboardPart[]> {
      const s = approvalStringsFor(viewer.locale);
      const o = overviewStrings[viewer.locale];
      const now = deps.clock.now();
      const all = await deps.approvals.summariesSince(
        new Date(now.getTime() - WINDOW_DAYS * DAY_MS),
      );
      const decided = all.filter((a) => a.status === 'approved' || a.status === 'rejected');
      const types = APPROVAL_TYPES.filter((t) => decided.some((a) => a.type === t));
      return [
        {
          kind: 'chart',
          id: 'approvals-by-status',
          heading: o.byStatus,
          type: 'doughnut',
          labels: STATUSES.map((st) => s.statuses[st]),
          series: [
            {
              label: o.requests,
              data: STATUSES.map((st) => all.filter((a) => a.status === st).length),
            },
          ],
        },
        {
          kind: 'chart',
          id: 'approvals-lead-time',
          heading: o.leadTime,
          type: 'bar',
          labels: types.map((t) => s.types[t]),
          series: [
            {
              label: o.days,
              data: types.map((t) =>
                median(
                  decided
                    .filter((a) => a.type === t)
                    .map((a) => (a.updatedAt.getTime() - a.createdAt.getTime()) / DAY_MS),
                ),
              ),
            },
          ],
        },
      ];
    },
  };
}
