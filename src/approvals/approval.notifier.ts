import { CardFactory } from 'botbuilder';
import { currentStep, type Approval } from './domain/approval.js';
import { decidersOf, type ApprovalNotifier } from './domain/approval.service.js';
import { workingDaysBetween } from './domain/working-days.js';
import type { OrgDirectory } from '../org/index.js';
import { approvalStringsFor } from './approval.strings.js';
import { localeFrom } from '../platform/strings.js';
import { localParts } from '../platform/calendar.js';
import type { AuditRepository } from '../org/index.js';
import type { OutboxMessage } from '../outbox/index.js';
import type { PersonRepository } from '../org/index.js';
import type { Clock } from '../platform/clock.js';
import { approvalCard } from './approval.card.js';
import type { Notice, NoticeStyle } from '../platform/teams/render.js';

export interface ApprovalNotifierDeps {
  readonly org: OrgDirectory;
  people: PersonRepository;
  audit: AuditRepository;
  clock: Clock;
  notify(message: OutboxMessage): Promise<boolean>;
}

/** How the requester's card tells the outcome: approved is good news, rejected needs attention. */
const CONCLUDED_STYLE: Record<'approved' | 'rejected' | 'withdrawn', NoticeStyle> = {
  approved: 'good',
  rejected: 'attention',
  withdrawn: 'emphasis',
};

/** The approval card as a given person should see it. */
export async function approvalCardFor(
  deps: Pick<ApprovalNotifierDeps, 'org' | 'people' | 'audit' | 'clock'>,
  approval: Approval,
  viewerAadObjectId: string,
  locale: string | null,
  notice?: Notice,
) {
  const viewer = await deps.people.find(viewerAadObjectId);
  return approvalCard(approvalStringsFor(localeFrom(locale ?? viewer?.locale)), deps.org, {
    approval,
    history: await deps.audit.forObject('approval', approval.id),
    viewerAadObjectId,
    refreshUserIds: viewer?.teamsUserId ? [viewer.teamsUserId] : [],
    notice,
    today: localParts(deps.clock.now(), deps.org.organisation.timezone).date,
  });
}

/**
 * How long an approval message is retried through a Teams outage: a week, within the
 * working days before a waiting step is escalated to the kommunchef.
 */
const DELIVERY_DAYS = 7;

/** Approval events as outbox messages, one per dedupe key. */
export function createApprovalNotifier(deps: ApprovalNotifierDeps): ApprovalNotifier {
  const localeOf = async (aad: string) => (await deps.people.find(aad))?.locale ?? null;

  async function sendCard(
    dedupeKey: string,
    approval: Approval,
    aad: string,
    notice?: (locale: string | null) => Notice | undefined,
  ) {
    const locale = await localeOf(aad);
    const text = notice?.(locale);
    const card = await approvalCardFor(deps, approval, aad, locale, text);
    const strings = approvalStringsFor(localeFrom(locale));
    return deps.notify({
      dedupeKey,
      recipientAadObjectId: aad,
      tenantId: deps.org.organisation.tenantId,
      activity: {
        type: 'message',
        summary: text?.text || strings.toDecideSummary(strings.types[approval.type]),
        attachments: [CardFactory.adaptiveCard(card)],
      },
      deadline: {
        at: new Date(deps.clock.now().getTime() + DELIVERY_DAYS * 86_400_000),
        purpose: 'approval',
        subject: approval.title,
      },
    });
  }

  /** Who must decide the current step now: the approvers, or the delegate when there is one. */
  const decidersNow = (approval: Approval): string[] => {
    const step = currentStep(approval);
    if (!step) return [];
    const { personIds, delegateAadObjectId } = decidersOf(approval, step, deps.org);
    if (delegateAadObjectId) return [delegateAadObjectId];
    return personIds.flatMap((id) => {
      const person = deps.org.personById(id);
      return person ? [person.aadObjectId] : [];
    });
  };

  return {
    async stepStarted(approval) {
      for (const aad of decidersNow(approval)) {
        await sendCard(
          `approval:${approval.id}:step:${approval.currentStep}:${aad}`,
          approval,
          aad,
        );
      }
    },

    async concluded(approval) {
      const aad = approval.requesterAadObjectId;
      const strings = approvalStringsFor(localeFrom(await localeOf(aad)));
      const notice: Notice | undefined =
        approval.status === 'pending'
          ? undefined
          : {
              text: strings.concluded[approval.status](approval.title),
              style: CONCLUDED_STYLE[approval.status],
            };
      await sendCard(`approval:${approval.id}:concluded:${aad}`, approval, aad, () => notice);
    },

    async delegated(approval) {
      const step = currentStep(approval);
      if (!step?.delegate) return;
      const by = deps.org.personByAadObjectId(step.delegate.byAadObjectId)?.name ?? '';
      await sendCard(
        `approval:${approval.id}:step:${step.index}:delegated:${step.delegate.aadObjectId}`,
        approval,
        step.delegate.aadObjectId,
        (locale) => ({
          text: approvalStringsFor(localeFrom(locale)).card.notice.delegated(by),
          style: 'emphasis',
        }),
      );
    },

    async reminder(approval, kind) {
      const step = currentStep(approval);
      if (!step) return false;
      if (kind === 'reminder') {
        let queued = false;
        for (const aad of decidersNow(approval)) {
          const added = await sendCard(
            `approval:${approval.id}:step:${step.index}:reminder:${aad}`,
            approval,
            aad,
            (locale) => ({
              text: approvalStringsFor(localeFrom(locale)).card.notice.reminder,
              style: 'warning',
            }),
          );
          queued ||= added;
        }
        return queued;
      }
      const chief = deps.org.kommunchef().aadObjectId;
      const waited = step.startedAt
        ? workingDaysBetween(step.startedAt, deps.clock.now(), deps.org.organisation.timezone)
        : 0;
      const approvers =
        step.delegate?.name ??
        step.approverIds.map((id) => deps.org.personById(id)?.name ?? id).join(', ');
      return sendCard(
        `approval:${approval.id}:step:${step.index}:escalation:${chief}`,
        approval,
        chief,
        (locale) => ({
          text: approvalStringsFor(localeFrom(locale)).card.notice.escalation(approvers, waited),
          style: 'attention',
        }),
      );
    },
  };
}
