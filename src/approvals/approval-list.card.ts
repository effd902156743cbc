import type { Approval } from './domain/approval.js';
import type { OrgDirectory } from '../org/index.js';
import type { ApprovalStrings } from './approval.strings.js';
import { subjectName } from './approval.card.js';
import { userText } from '../platform/teams/render.js';
import { listCard } from '../platform/teams/list.card.js';

/** `godkännanden`: what waits for the person's decision, and what they requested. */
export function approvalListCard(
  strings: ApprovalStrings,
  org: OrgDirectory,
  waiting: Approval[],
  mine: Approval[],
  more: (hidden: number) => string,
) {
  const item = (a: Approval) => ({
    data: { approvalId: a.id },
    title: userText(a.title),
    subtitle: `${strings.types[a.type]} · ${userText(subjectName(a, org, strings))} · ${strings.statuses[a.status]}`,
  });
  return listCard({
    more,
    heading: strings.list.title,
    none: strings.list.none,
    openTitle: strings.list.open,
    openVerb: 'approval.open',
    sections: [
      { heading: strings.list.waiting, items: waiting.map(item) },
      { heading: strings.list.mine, items: mine.map(item) },
    ],
  });
}
