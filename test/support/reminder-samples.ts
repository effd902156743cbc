import type { AnnualGoal, GoalFollowUp } from '../../src/reminders/domain/goal.js';
import type { FollowUpReport } from '../../src/reminders/domain/follow-up-report.js';
import { reminderStringsFor } from '../../src/reminders/reminder.strings.js';
import type { CardJson } from '../../src/platform/teams/render.js';
import {
  awarenessCard,
  awarenessStatusCard,
  followUpReportCard,
  goalFollowUpCard,
  goalListCard,
  planningCard,
  reminderListCard,
  revisionCard,
  threatAnalysisCard,
} from '../../src/reminders/reminder.cards.js';
import { reportLabels } from '../../src/reminders/reminder.notifier.js';
import { exampleOrg } from './incident-samples.js';
import { knowledgeBase } from './rules-samples.js';

const sv = reminderStringsFor('sv');
const tz = 'Europe/Stockholm';

/** A goal with markdown in its text, to show that it is shown as text on every card. */
export const sampleGoal: AnnualGoal = {
  id: 'mal-2026-utbildning',
  year: 2026,
  title: 'Alla har gått [utbildningen](https://evil.example)',
  what: 'Webbutbildning **för alla**',
  deadline: '2026-11-30',
  responsible: 'lars',
  resources: '10 % av tiden',
  followUp: ['2026-04-15', '2026-09-15'],
  reporting: 'Till ledningsgruppen',
  staffInformation: 'Intranätet och APT',
};

export const sampleAnswer: GoalFollowUp = {
  goalId: sampleGoal.id,
  checkpoint: '2026-09-15',
  status: 'pagar',
  comment: 'Halvvägs <b>klart</b>',
  answeredByAadObjectId: '00000000-0000-0000-0000-0000000000a2',
  answeredByName: 'Lars Berg',
  answeredAt: new Date('2026-09-10T07:00:00Z'),
};

export const sampleReport: FollowUpReport = {
  organisation: 'Sjövik kommun',
  year: 2026,
  date: '2026-12-01',
  goals: [
    {
      id: sampleGoal.id,
      title: sampleGoal.title,
      deadline: sampleGoal.deadline,
      responsible: 'Lars Berg',
      status: 'pagar',
      comment: 'Halvvägs',
      answeredAt: new Date('2026-09-10T07:00:00Z'),
    },
  ],
  revisions: {
    done: [{ id: 'ssp-vard', title: 'Systemsäkerhetsplan vård', approvedAt: '2026-05-02' }],
    overdue: [
      {
        id: 'it-sakerhetspolicy',
        title: 'IT-säkerhetspolicy',
        dueDate: '2014-12-16',
        owner: 'Karin Lund',
      },
    ],
  },
  threatReviews: [
    { systemId: 'vard', system: 'Vård och omsorg', confirmedAt: new Date('2026-03-02T09:00:00Z') },
    { systemId: 'va-styr', system: 'VA-styrning', confirmedAt: null },
  ],
  incidents: [
    { category: 'natfiske', perMonth: [1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 3, 0], total: 6 },
    { category: 'ovrigt', perMonth: Array<number>(12).fill(0), total: 0 },
  ],
  approvals: [{ type: 'driftgodkannande', approved: 2, rejected: 1 }],
  awareness: { campaign: '2026-02-02', recipients: 5000, acknowledged: 4210 },
  exceptionsEnded: [
    { title: 'Privat USB-minne för bokslutet', owner: 'Olof Strand', validUntil: '2026-03-31' },
  ],
  controls: [
    {
      title: 'Genomgång av behörigheter',
      instruction: 'IT-säkerhetsinstruktion Förvaltning',
      area: 'Behörighetsadministration',
      system: 'Ekonomisystemet',
      due: 2,
      done: 2,
      deviations: 1,
    },
  ],
  measures: {
    byOrigin: [
      { origin: 'incident', decided: 12, done: 9, overdue: 2, medianLeadDays: 14 },
      { origin: 'manual', decided: 3, done: 1, overdue: 0, medianLeadDays: 1 },
    ],
    overdue: [
      {
        title: 'Utbilda ekonomienheten i nätfiske',
        owner: 'Olof Strand',
        dueDate: '2026-10-31',
        origin: 'incident',
      },
    ],
  },
  notReported: [
    {
      number: 'INC-2026-0007',
      kind: 'imy',
      decidedBy: 'Olof Strand',
      decidedOn: '2026-03-04',
      reason: 'Krypterad dator; osannolikt att den medför en risk.',
    },
  ],
};

/** A rendered sample of every reminders template, for test/cards.test.ts. */
export const reminderCardSamples: Record<
  | 'reminder'
  | 'goal-follow-up'
  | 'goal-list'
  | 'threat-analysis'
  | 'awareness'
  | 'awareness-status'
  | 'reminder-list'
  | 'follow-up-report',
  () => CardJson
> = {
  reminder: () =>
    revisionCard(
      sv,
      exampleOrg,
      exampleOrg.documentById('it-sakerhetspolicy')!,
      '2014-12-16',
      'overdue',
      sv.late('2026-12-01 08:00'),
    ),
  'goal-follow-up': () =>
    goalFollowUpCard(sv, exampleOrg, tz, {
      goal: sampleGoal,
      latest: sampleAnswer,
      checkpoint: '2026-09-15',
      checkpointKind: 'follow-up',
      status: 'pagar',
      comment: 'Halvvägs',
      notice: { text: sv.goal.saved('Pågår'), style: 'good' },
    }),
  'goal-list': () =>
    goalListCard(sv, exampleOrg, 2026, [{ goal: sampleGoal, latest: sampleAnswer }], true),
  'threat-analysis': () =>
    threatAnalysisCard(
      sv,
      exampleOrg.systemById('vard')!,
      '2026-03-02',
      {
        systemId: 'vard',
        checkpoint: '2025-09-01',
        confirmedByAadObjectId: 'x',
        confirmedByName: 'Maria Holm',
        comment: null,
        changes: null,
        measureId: null,
        confirmedAt: new Date('2025-09-03T08:00:00Z'),
      },
      tz,
      { open: true },
    ),
  awareness: () => awarenessCard(sv, knowledgeBase, '2026-02-02', { open: true }),
  'awareness-status': () =>
    awarenessStatusCard(sv, { campaign: '2026-02-02', recipients: 5000, acknowledged: 4210 }),
  'reminder-list': () =>
    reminderListCard(sv, 400, [{ title: sv.titles.planning(2027), subtitle: '2026-09-01 08:00' }]),
  'follow-up-report': () => followUpReportCard(sv, sampleReport, reportLabels('sv'), tz),
};

/** Also checked: the planning card (same template as revisions) and empty lists. */
export const extraReminderCards = {
  planning: () => planningCard(sv, 2027),
  emptyList: () => reminderListCard(sv, 400, []),
};
