import { formatLocal, localParts } from '../platform/calendar.js';
import {
  section,
  type DashboardPart,
  type OverviewContribution,
  type Viewer,
} from '../platform/overview.js';
import type { Locale } from '../platform/strings.js';
import { revisionDueDate } from './domain/reminder.schedule.js';
import { upcomingFor } from './domain/reminder.service.js';
import { occurrenceTitle } from './reminder.notifier.js';
import type { ReminderServices } from './reminder.services.js';
import { reminderStringsFor } from './reminder.strings.js';

/** How far ahead the tab lists the person's reminders. */
const UPCOMING_DAYS = 120;
const SOON_DAYS = 7;
const DAY_MS = 86_400_000;

const overviewStrings = {
  sv: {
    upcoming: 'Kommande påminnelser',
    noUpcoming: 'Inga påminnelser de närmaste fyra månaderna.',
    goals: (year: number) => `Årliga mål ${year} och senaste uppföljning`,
    noGoals: 'Inga mål för året.',
    goalColumns: ['Mål', 'Klart senast', 'Ansvarig', 'Status', 'Kommentar'],
    documents: 'Styrdokument och planer efter revidering',
    noDocuments: 'Inga dokument i registret.',
    documentColumns: ['Dokument', 'Ägare', 'Fastställt', 'Revideras senast', 'Status'],
    overdue: 'Försenad',
    inTime: 'I tid',
    awareness: (campaign: string) => `Kvittens av reglerna (${campaign})`,
    noAwareness: 'Årets genomgång av reglerna har inte skickats än.',
    acknowledged: 'Har bekräftat',
    notYet: 'Inte än',
    staff: 'Medarbetare',
  },
  en: {
    upcoming: 'Upcoming reminders',
    noUpcoming: 'No reminders in the next four months.',
    goals: (year: number) => `Annual goals ${year} and their latest follow-up`,
    noGoals: 'No goals for the year.',
    goalColumns: ['Goal', 'Due', 'Responsible', 'Status', 'Comment'],
    documents: 'Governing documents and plans by revision',
    noDocuments: 'No documents in the register.',
    documentColumns: ['Document', 'Owner', 'Approved', 'Revise by', 'Status'],
    overdue: 'Overdue',
    inTime: 'On time',
    awareness: (campaign: string) => `Acknowledgement of the rules (${campaign})`,
    noAwareness: 'This year’s review of the rules has not been sent yet.',
    acknowledged: 'Acknowledged',
    notYet: 'Not yet',
    staff: 'Staff',
  },
} satisfies Record<Locale, unknown>;

/** What the reminders feature shows in the tab: my reminders; goals, revisions and acknowledgements. */
export function reminderOverview(services: ReminderServices): OverviewContribution {
  const { run, report } = services;
  return {
    async personal(viewer: Viewer) {
      const s = reminderStringsFor(viewer.locale);
      const o = overviewStrings[viewer.locale];
      const org = run.org();
      const now = run.clock.now();
      const goals = new Map(
        (await services.goals.goals.listWithStatus()).map(({ goal }) => [goal.id, goal]),
      );
      const upcoming = await upcomingFor(run, viewer.aadObjectId, UPCOMING_DAYS);
      const items = upcoming.map((o) => ({
        title: occurrenceTitle(s, org, goals, o),
        subtitle: formatLocal(o.sendAt, org.organisation.timezone),
        flag:
          o.sendAt.getTime() - now.getTime() <= SOON_DAYS * DAY_MS ? ('soon' as const) : undefined,
      }));
      return [section('reminders.upcoming', o.upcoming, o.noUpcoming, items)];
    },

    async dashboard(viewer: Viewer): Promise<DashboardPart[]> {
      const s = reminderStringsFor(viewer.locale);
      const o = overviewStrings[viewer.locale];
      const org = report.org();
      const tz = org.organisation.timezone;
      const today = localParts(report.clock.now(), tz).date;
      const year = Number(today.slice(0, 4));
      const name = (id: string) => org.personById(id)?.name ?? id;

      const goals = await report.goals.listWithStatus(year);
      const goalRows = goals.map(({ goal, latest }) => [
        goal.title,
        goal.deadline,
        name(goal.responsible),
        latest ? s.goalStatuses[latest.status] : s.noStatus,
        latest?.comment ?? '',
      ]);
      const lateGoals = goals.flatMap(({ goal, latest }, i) =>
        latest?.status === 'forsenad' || (goal.deadline < today && latest?.status !== 'genomford')
          ? [i]
          : [],
      );

      const documents = org.organisation.documents
        .map((d) => ({ d, due: revisionDueDate(d) }))
        .sort((a, b) => a.due.localeCompare(b.due));
      const documentRows = documents.map(({ d, due }) => [
        d.title,
        name(d.owner),
        d.approvedAt,
        due,
        due < today ? o.overdue : o.inTime,
      ]);
      const lateDocuments = documents.flatMap(({ due }, i) => (due < today ? [i] : []));

      const campaign = await report.awareness.latestCampaign();
      const share = campaign ? await report.awareness.share(campaign) : undefined;
      const parts: DashboardPart[] = [
        {
          kind: 'table',
          id: 'goals',
          heading: o.goals(year),
          columns: o.goalColumns,
          rows: goalRows,
          marked: lateGoals,
          none: o.noGoals,
        },
        {
          kind: 'table',
          id: 'documents',
          heading: o.documents,
          columns: o.documentColumns,
          rows: documentRows,
          marked: lateDocuments,
          none: o.noDocuments,
        },
      ];
      parts.push(
        share
          ? {
              kind: 'chart',
              id: 'awareness',
              heading: o.awareness(share.campaign),
              type: 'doughnut',
              labels: [o.acknowledged, o.notYet],
              series: [
                {
                  label: o.staff,
                  data: [share.acknowledged, Math.max(0, share.recipients - share.acknowledged)],
                },
              ],
            }
          : {
              kind: 'table',
              id: 'awareness',
              heading: o.awareness('–'),
              columns: [],
              rows: [],
              marked: [],
              none: o.noAwareness,
            },
      );
      return parts;
    },
  };
}
