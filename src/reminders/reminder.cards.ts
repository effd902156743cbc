import type { AnnualGoal, GoalFollowUp, GoalStatus, GoalWithStatus } from './domain/goal.js';
import { GOAL_STATUSES } from './domain/goal.js';
import type { ApprovalType } from '../approvals/index.js';
import type { OrgDirectory } from '../org/index.js';
import type { GoverningDocument, ItSystem } from '../org/index.js';
import type { AwarenessShare, ThreatReview } from './domain/reminder-answers.js';
import type { FollowUpReport } from './domain/follow-up-report.js';
import type { RevisionStage } from './domain/reminder.js';
import type { KnowledgeBase } from '../rules/index.js';
import { formatLocal } from '../platform/calendar.js';
import type { ReminderStrings } from './reminder.strings.js';
import {
  userText,
  renderCardJson,
  type CardJson,
  type CardName,
  type Notice,
} from '../platform/teams/render.js';
import { fitSections } from '../platform/teams/card-budget.js';

/** Cards of the reminders feature. Text from people and the register goes into TextRuns (userText). */

const noNotice: Notice = { text: '', style: 'emphasis' };

/** The button opens the approval request form with the type and subject chosen. */
function startApproval(type: ApprovalType, subject: string) {
  return { type, subject };
}

export function planningCard(s: ReminderStrings, year: number, notice = ''): CardJson {
  return renderCardJson('reminders/reminder', {
    notice,
    heading: s.planning.heading(year),
    text: s.planning.text(year),
    facts: [],
    reference: s.planning.policy,
    buttonTitle: s.planning.button,
    buttonData: startApproval('arliga-mal', `year:${year}`),
  });
}

export function revisionCard(
  s: ReminderStrings,
  org: OrgDirectory,
  doc: GoverningDocument,
  dueDate: string,
  stage: RevisionStage,
  notice = '',
): CardJson {
  const owner = org.personById(doc.owner)?.name ?? doc.owner;
  const f = s.revision.facts;
  return renderCardJson('reminders/reminder', {
    notice,
    heading: s.revision.heading[stage],
    text: s.revision.text[stage](userText(doc.title), dueDate),
    facts: [
      { title: f.document, value: userText(doc.title) },
      { title: f.owner, value: userText(owner) },
      { title: f.approvedAt, value: doc.approvedAt },
      { title: f.dueDate, value: dueDate },
    ],
    reference: 'IT-säkerhetspolicy 5',
    buttonTitle: s.revision.button,
    buttonData:
      doc.type === 'systemsakerhetsplan' && doc.system
        ? startApproval('systemsakerhetsplan', `system:${doc.system}`)
        : startApproval('styrande-dokument', `document:${doc.id}`),
  });
}

/** An approved exception about to end, with the request form for a new one. */
export function exceptionEndingCard(
  s: ReminderStrings,
  exception: { title: string; validUntil: string; subject: string },
  notice = '',
): CardJson {
  const f = s.exception.facts;
  return renderCardJson('reminders/reminder', {
    notice,
    heading: s.exception.heading,
    text: userText(s.exception.text(exception.title, exception.validUntil)),
    facts: [
      { title: f.exception, value: userText(exception.title) },
      { title: f.validUntil, value: exception.validUntil },
    ],
    reference: 'IT-säkerhetspolicy 5',
    buttonTitle: s.exception.button,
    buttonData: startApproval('undantag', exception.subject),
  });
}

export interface GoalFollowUpView {
  goal: AnnualGoal;
  latest: GoalFollowUp | undefined;
  checkpoint: string;
  checkpointKind: 'follow-up' | 'deadline';
  /** Values to show in the form (after an answer: the answer). */
  status?: GoalStatus;
  comment?: string;
  notice?: Notice;
}

export function goalFollowUpCard(
  s: ReminderStrings,
  org: OrgDirectory,
  timeZone: string,
  view: GoalFollowUpView,
): CardJson {
  const { goal, latest } = view;
  const f = s.goal.facts;
  const facts = [
    { title: f.what, value: userText(goal.what) },
    { title: f.deadline, value: goal.deadline },
    {
      title: f.responsible,
      value: userText(org.personById(goal.responsible)?.name ?? goal.responsible),
    },
    { title: f.resources, value: userText(goal.resources) },
    { title: f.followUp, value: goal.followUp.join(', ') || '–' },
    ...(goal.reporting ? [{ title: f.reporting, value: userText(goal.reporting) }] : []),
    { title: f.staffInformation, value: userText(goal.staffInformation) },
    {
      title: f.latest,
      value: latest
        ? s.goal.latest(
            s.goalStatuses[latest.status],
            formatLocal(latest.answeredAt, timeZone),
            userText(latest.answeredByName),
          )
        : s.noStatus,
    },
  ];
  const notice = view.notice ?? noNotice;
  return renderCardJson('reminders/goal-follow-up', {
    notice: notice.text,
    noticeStyle: notice.style,
    heading: s.goal.heading,
    title: userText(goal.title),
    intro:
      view.checkpointKind === 'deadline'
        ? s.goal.deadlineIntro(view.checkpoint)
        : s.goal.followUpIntro(view.checkpoint),
    facts,
    statusLabel: s.goal.statusLabel,
    status: view.status ?? '',
    statusChoices: GOAL_STATUSES.map((value) => ({ title: s.goalStatuses[value], value })),
    commentLabel: s.goal.commentLabel,
    commentPlaceholder: s.goal.commentPlaceholder,
    comment: view.comment ?? '',
    submit: s.goal.submit,
    goalId: goal.id,
    checkpoint: view.checkpoint,
  });
}

export function threatAnalysisCard(
  s: ReminderStrings,
  system: ItSystem,
  checkpoint: string,
  lastReview: ThreatReview | undefined,
  timeZone: string,
  options: { open: boolean; notice?: Notice; today?: string },
): CardJson {
  const notice = options.notice ?? noNotice;
  return renderCardJson('reminders/threat-analysis', {
    notice: notice.text,
    noticeStyle: notice.style,
    heading: s.threat.heading,
    text: s.threat.text(userText(system.name)),
    facts: [
      { title: s.threat.facts.system, value: userText(system.name) },
      {
        title: s.threat.facts.lastReview,
        value: lastReview
          ? `${formatLocal(lastReview.confirmedAt, timeZone)} (${userText(lastReview.confirmedByName)})`
          : s.threat.never,
      },
    ],
    reference: 'IT-säkerhetspolicy 2.1',
    commentLabel: s.threat.commentLabel,
    commentPlaceholder: s.threat.commentPlaceholder,
    confirm: s.threat.confirm,
    changed: s.threat.changed,
    labels: s.threat.labels,
    saveChanges: s.threat.saveChanges,
    today: options.today ?? checkpoint,
    changesHeading: s.threat.changesHeading,
    // What changed, shown once the answer is given (not the previous review's).
    changes:
      !options.open && lastReview?.changes
        ? userText(
            [
              [s.threat.labels.threats, lastReview.changes.threats],
              [s.threat.labels.vulnerabilities, lastReview.changes.vulnerabilities],
              [s.threat.labels.consequences, lastReview.changes.consequences],
            ]
              .filter(([, text]) => text)
              .map(([label, text]) => `${label}: ${text}`)
              .join('\n'),
          )
        : '',
    openMeasure: s.threat.openMeasure,
    measureId: (!options.open && lastReview?.measureId) || '',
    open: options.open,
    systemId: system.id,
    checkpoint,
  });
}

/** The yearly rules summary: each Användare area with its description and rule titles. */
export function awarenessCard(
  s: ReminderStrings,
  knowledgeBase: KnowledgeBase,
  campaign: string,
  options: { open: boolean; notice?: Notice },
): CardJson {
  const notice = options.notice ?? noNotice;
  return renderCardJson('reminders/awareness', {
    notice: notice.text,
    noticeStyle: notice.style,
    heading: s.awareness.heading,
    intro: s.awareness.intro,
    areas: knowledgeBase.areas.map((area) => ({
      title: userText(area.title),
      description: userText(area.description),
      rules: knowledgeBase
        .rulesOf(area.id)
        .map((rule) => `- ${userText(rule.title)}`)
        .join('\n'),
    })),
    outro: s.awareness.outro,
    button: s.awareness.button,
    rulesButton: s.awareness.rulesButton,
    open: options.open,
    campaign,
  });
}

export function awarenessStatusCard(s: ReminderStrings, share: AwarenessShare): CardJson {
  const f = s.acknowledgements.facts;
  return renderCardJson('reminders/awareness-status', {
    heading: s.acknowledgements.heading,
    facts: [
      { title: f.campaign, value: share.campaign },
      { title: f.sent, value: s.count(share.recipients) },
      { title: f.acknowledged, value: s.count(share.acknowledged) },
      { title: f.share, value: s.percent(share.acknowledged, share.recipients) },
    ],
  });
}

export interface ListItem {
  title: string;
  subtitle: string;
}

export function reminderListCard(s: ReminderStrings, days: number, items: ListItem[]): CardJson {
  return sectionsCard(
    s,
    'reminders/reminder-list',
    { heading: s.list.heading, intro: s.list.intro(days) },
    [{ heading: '', none: s.list.none, items }],
  );
}

interface Section {
  heading: string;
  none: string;
  items: ListItem[];
}

/**
 * A card of sections of entries (the goal list, the reminder list, the annual report) with
 * as many entries as fit in the card budget; a section that shows only some of its
 * entries says how many more there are ("… och 280 till."), and later sections keep
 * their heading.
 */
function sectionsCard(
  s: ReminderStrings,
  name: CardName,
  card: Record<string, unknown>,
  sections: Section[],
): CardJson {
  return fitSections(sections, (shown) =>
    renderCardJson(name, {
      ...card,
      sections: shown.map(({ section, items, hidden }) => ({
        ...section,
        items,
        more: hidden > 0 ? s.more(hidden) : '',
      })),
    }),
  );
}

export function goalListCard(
  s: ReminderStrings,
  org: OrgDirectory,
  year: number,
  goals: GoalWithStatus[],
  showComments: boolean,
): CardJson {
  const approval = org.organisation.goalsApproved?.findLast((a) => a.year === year);
  return sectionsCard(
    s,
    'reminders/goal-list',
    {
      heading: s.goalList.heading(year),
      intro: `IT-säkerhetspolicy 2.2. ${approval ? s.goalList.approved(approval.date) : s.goalList.notApproved}`,
    },
    [
      {
        heading: '',
        none: s.goalList.none(year),
        items: goals.map(({ goal, latest }) => ({
          title: userText(goal.title),
          subtitle: [
            s.goalList.line(
              goal.deadline,
              userText(org.personById(goal.responsible)?.name ?? goal.responsible),
              latest ? s.goalStatuses[latest.status] : s.noStatus,
            ),
            ...(showComments && latest?.comment
              ? [s.goalList.comment(userText(latest.comment))]
              : []),
          ].join('\n'),
        })),
      },
    ],
  );
}

export function followUpReportCard(
  s: ReminderStrings,
  report: FollowUpReport,
  labels: {
    category: (id: string) => string;
    approvalType: (id: string) => string;
    measureOrigin: (id: string) => string;
  },
  timeZone: string,
): CardJson {
  const r = s.report;
  const section = (heading: string, none: string, items: ListItem[]) => ({ heading, none, items });
  return sectionsCard(
    s,
    'reminders/follow-up-report',
    {
      heading: r.heading(report.year),
      intro: userText(r.subtitle(report.organisation, report.date)),
    },
    [
      section(
        r.goals,
        r.noGoals,
        report.goals.map((g) => ({
          title: userText(g.title),
          subtitle: [
            s.goalList.line(
              g.deadline,
              userText(g.responsible),
              g.status ? s.goalStatuses[g.status] : s.noStatus,
            ),
            ...(g.comment ? [s.goalList.comment(userText(g.comment))] : []),
          ].join('\n'),
        })),
      ),
      section(
        r.revisionsDone,
        r.noRevisionsDone,
        report.revisions.done.map((d) => ({
          title: userText(d.title),
          subtitle: r.approvedOn(d.approvedAt),
        })),
      ),
      section(
        r.revisionsOverdue,
        r.noRevisionsOverdue,
        report.revisions.overdue.map((d) => ({
          title: userText(d.title),
          subtitle: r.dueOn(d.dueDate, userText(d.owner)),
        })),
      ),
      section(
        r.threatReviews,
        r.noThreatSystems,
        report.threatReviews.map((t) => ({
          title: userText(t.system),
          subtitle: t.confirmedAt
            ? r.lastReviewed(formatLocal(t.confirmedAt, timeZone))
            : r.notReviewed,
        })),
      ),
      section(
        r.incidents,
        r.noIncidents,
        report.incidents
          .filter((i) => i.total > 0)
          .map((i) => ({
            title: `${labels.category(i.category)}: ${i.total}`,
            subtitle: i.perMonth
              .map((n, month) => (n > 0 ? `${r.months[month]} ${n}` : ''))
              .filter((t) => t !== '')
              .join(', '),
          })),
      ),
      section(
        r.approvals,
        r.noApprovals,
        report.approvals.map((a) => ({
          title: labels.approvalType(a.type),
          subtitle: r.approvalCounts(a.approved, a.rejected),
        })),
      ),
      section(
        r.measures,
        r.noMeasures,
        report.measures.byOrigin.map((m) => ({
          title: labels.measureOrigin(m.origin),
          subtitle: r.measureCounts(m.decided, m.done, m.overdue, m.medianLeadDays),
        })),
      ),
      section(
        r.measuresOverdue,
        r.noMeasuresOverdue,
        report.measures.overdue.map((m) => ({
          title: userText(m.title),
          subtitle: userText(r.measureDue(m.dueDate, m.owner)),
        })),
      ),
      section(
        r.exceptionsEnded,
        r.noExceptionsEnded,
        report.exceptionsEnded.map((e) => ({
          title: userText(e.title),
          subtitle: userText(r.exceptionEnded(e.validUntil, e.owner)),
        })),
      ),
      section(
        r.controls,
        r.noControls,
        report.controls.map((k) => ({
          title: userText(`${k.title} · ${k.system || r.wholeOrganisation}`),
          subtitle: userText(
            `${k.instruction} · ${k.area}: ${r.controlCounts(k.due, k.done, k.deviations)}`,
          ),
        })),
      ),
      section(
        r.awareness,
        r.noAwareness,
        report.awareness
          ? [
              {
                title: report.awareness.campaign,
                subtitle: r.awarenessShare(
                  report.awareness.acknowledged,
                  report.awareness.recipients,
                ),
              },
            ]
          : [],
      ),
    ],
  );
}
