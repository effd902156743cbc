import type { OrgDirectory } from '../org/index.js';
import type { PersonRepository } from '../org/index.js';
import type { OutboxMessage } from '../outbox/index.js';
import { localeFrom } from '../platform/strings.js';
import { localParts } from '../platform/calendar.js';
import { markdownFree } from '../platform/teams/render.js';
import { rulesStringsFor } from './rules.strings.js';
import type { KnowledgeBase } from './domain/rule.js';
import type { RulesQuestionStore } from './domain/rules-question.js';
import type { RulesNotifier } from './domain/rules-question.service.js';
import { coordinatorCard, replyCard } from './rules.views.js';

export interface RulesNotifierDeps {
  readonly org: OrgDirectory;
  knowledgeBase: KnowledgeBase;
  questions: RulesQuestionStore;
  people: PersonRepository;
  notify(message: OutboxMessage): Promise<boolean>;
}

/** Rules questions as outbox messages; each dedupe key makes one message, however often it is queued. */
export function createRulesNotifier(deps: RulesNotifierDeps): RulesNotifier {
  return {
    async forwarded(question, coordinator) {
      const aad = coordinator.aadObjectId;
      const locale = localeFrom((await deps.people.find(aad))?.locale);
      const card = await coordinatorCard(deps, question, locale);
      await deps.notify({
        dedupeKey: `rules-question:${question.id}:coordinator:${aad}`,
        recipientAadObjectId: aad,
        tenantId: question.tenantId,
        activity: {
          type: 'message',
          summary: rulesStringsFor(locale).forwardedSummary(question.askerName),
          attachments: [card],
        },
      });
    },

    async limitReached(asker, count, now) {
      const { date } = localParts(now, deps.org.organisation.timezone);
      for (const coordinator of deps.org.sakerhetssamordnare()) {
        const aad = coordinator.aadObjectId;
        const locale = localeFrom((await deps.people.find(aad))?.locale);
        await deps.notify({
          dedupeKey: `limit:rules-forward:${asker.aadObjectId}:${date}:${aad}`,
          recipientAadObjectId: aad,
          tenantId: deps.org.organisation.tenantId,
          activity: {
            type: 'message',
            text: rulesStringsFor(locale).forwardLimitReached(markdownFree(asker.name), count),
          },
        });
      }
    },

    async answered(question) {
      await deps.notify({
        dedupeKey: `rules-question:${question.id}:answer`,
        recipientAadObjectId: question.askerAadObjectId,
        tenantId: question.tenantId,
        activity: {
          type: 'message',
          summary: rulesStringsFor(localeFrom(question.locale)).answeredSummary,
          attachments: [replyCard(question)],
        },
      });
    },
  };
}
