import { PEOPLE_DATASET, personChoice, peopleWithRoles } from './approval.search.js';
import type { AuditEvent } from '../org/index.js';
import { mayDecide } from './domain/approval.service.js';
import { currentStep, type Approval } from './domain/approval.js';
import type { OrgDirectory } from '../org/index.js';
import { formatLocal } from '../platform/calendar.js';
import type { ApprovalStrings } from './approval.strings.js';
import { userText, renderCardJson, type Notice } from '../platform/teams/render.js';

export interface ApprovalView {
  approval: Approval;
  history: AuditEvent[];
  viewerAadObjectId: string;
  refreshUserIds: string[];
  notice?: Notice;
  /** Today in the organisation's time zone: the earliest date the conditions may have. */
  today?: string;
}

export function subjectName(
  approval: Approval,
  org: OrgDirectory,
  strings: ApprovalStrings,
): string {
  const { subject } = approval;
  if (subject.kind === 'system') return org.systemById(subject.systemId)?.name ?? subject.systemId;
  if (subject.kind === 'document')
    return org.documentById(subject.documentId)?.title ?? subject.documentId;
  return strings.form.nextYearGoals(subject.year);
}

function describeHistory(
  strings: ApprovalStrings,
  org: OrgDirectory,
  approval: Approval,
  events: AuditEvent[],
): string[] {
  const tz = org.organisation.timezone;
  const nameOf = (aad: string) =>
    aad === 'system'
      ? strings.card.systemActor
      : aad === approval.requesterAadObjectId
        ? approval.requesterName
        : (org.personByAadObjectId(aad)?.name ?? aad);
  const labels: Record<string, string> = {
    'approval.requested': strings.form.submit,
    'approval.approved-step': strings.card.approve,
    'approval.rejected': strings.card.reject,
    'approval.delegated': strings.card.delegate,
    'approval.withdrawn': strings.card.withdraw,
    'approval.reminded': strings.card.notice.reminder,
    'approval.escalated': strings.card.escalated,
    'register.changed': strings.statuses.approved,
  };
  return events.map(
    (e) => `${formatLocal(e.at, tz)} ${userText(nameOf(e.actor))}: ${labels[e.action] ?? e.action}`,
  );
}

/** The one approval card; buttons follow from what the viewer may do now. */
export function approvalCard(strings: ApprovalStrings, org: OrgDirectory, view: ApprovalView) {
  const { approval } = view;
  const tz = org.organisation.timezone;
  const viewer = view.viewerAadObjectId.toLowerCase();
  const step = currentStep(approval);
  const canDecide = step !== undefined && mayDecide(approval, step, viewer, org);
  const requester = approval.requesterAadObjectId.toLowerCase();
  const nameOfPerson = (id: string) => org.personById(id)?.name ?? id;
  const facts = [
    { title: strings.card.subject, value: userText(subjectName(approval, org, strings)) },
    { title: strings.card.requestedBy, value: userText(approval.requesterName) },
    { title: strings.card.status, value: strings.statuses[approval.status] },
    ...(approval.validUntil
      ? [{ title: strings.card.validUntil, value: approval.validUntil }]
      : []),
    ...(approval.proposedOwnerId
      ? [
          {
            title: strings.card.proposedOwner,
            value: userText(nameOfPerson(approval.proposedOwnerId)),
          },
        ]
      : []),
  ];
  const steps = approval.steps.map((s) => {
    const who = `${strings.roles[s.role]}: ${userText(s.approverIds.map(nameOfPerson).join(', '))}`;
    const delegated = s.delegate ? ` (${strings.card.delegatedTo(userText(s.delegate.name))})` : '';
    let state = strings.card.notStarted;
    let marker = '○';
    // The marker and the words say the state; Teams' green and red text are too faint.
    let color = 'Default';
    if (s.decision) {
      const word =
        s.decision === 'approved' ? strings.card.approvedWord : strings.card.rejectedWord;
      state = strings.card.decided(
        word,
        userText(s.decidedByName ?? ''),
        s.decidedAt ? formatLocal(s.decidedAt, tz) : '',
      );
      marker = s.decision === 'approved' ? '✓' : '✗';
    } else if (step?.index === s.index) {
      state = strings.card.waitingFor(userText(s.approverIds.map(nameOfPerson).join(', ')));
      marker = '●';
      color = 'Accent';
    }
    return {
      who: who + delegated,
      state,
      marker,
      color,
      comment: s.comment ? userText(s.comment) : '',
    };
  });
  // The host beside the button says where it leads before anyone opens it (in punycode
  // for an international name, so a look-alike host shows as what it is).
  const link = approval.link && URL.canParse(approval.link) ? new URL(approval.link) : undefined;
  return renderCardJson('approvals/approval', {
    approvalId: approval.id,
    stepIndex: step?.index ?? -1,
    refreshUserIds: view.refreshUserIds,
    notice: view.notice?.text ?? '',
    noticeStyle: view.notice?.style ?? 'emphasis',
    typeName: strings.types[approval.type],
    title: userText(approval.title),
    facts,
    justificationHeading: strings.card.justification,
    justification: userText(approval.justification),
    link: link?.href ?? '',
    openLink: link ? strings.card.openLink(link.hostname) : '',
    stepsHeading: strings.card.steps,
    steps,
    canDecide,
    yourTurn: strings.card.yourTurn,
    // The last decider may attach conditions, each of which becomes a measure.
    canSetConditions: canDecide && step?.index === approval.steps.length - 1,
    conditionsButton: strings.conditions.button,
    conditionsLabel: strings.conditions.label,
    conditionsRequired: strings.conditions.required,
    conditionsDueLabel: strings.conditions.dueLabel,
    conditionsDate: strings.conditions.date,
    conditionsSave: strings.conditions.save,
    today: view.today ?? '',
    commentLabel: strings.card.commentLabel,
    approve: strings.card.approve,
    reject: strings.card.reject,
    delegateLabel: strings.card.delegateLabel,
    delegatePlaceholder: strings.card.delegatePlaceholder,
    delegate: strings.card.delegate,
    // Neither oneself nor the requester: nobody decides their own request. The rest of
    // the organisation is found by typing (the `people` dataset).
    delegates: peopleWithRoles(org, [viewer, requester]).map(personChoice),
    delegateDataset: `${PEOPLE_DATASET}:${approval.id}`,
    canWithdraw: approval.status === 'pending' && approval.requesterAadObjectId === viewer,
    withdraw: strings.card.withdraw,
    historyHeading: strings.card.history,
    history: describeHistory(strings, org, approval, view.history),
  });
}
