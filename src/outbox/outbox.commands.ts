import { CardFactory } from 'botbuilder';
import { z } from 'zod';
import { formatLocal } from '../platform/calendar.js';
import {
  cardActionsOf,
  messageResponse,
  refusal,
  type CardAction,
} from '../platform/teams/card-action.js';
import type { Command } from '../platform/teams/command.js';
import type { Actor } from '../platform/teams/handler-context.js';
import { userText } from '../platform/teams/render.js';
import { LIST_ENTRIES_MAX, listCard } from '../platform/teams/list.card.js';
import type { OutboxFeatureDeps } from './outbox.feature.js';
import { createOutboxRepository, type UndeliveredMessage } from './outbox.repository.js';
import { describeMessage, recipientName } from './outbox.recovery.js';
import { outboxStringsFor } from './outbox.strings.js';

/** Read to say how many more there are; only the first `LIST_ENTRIES_MAX` are named. */
const LIST_LIMIT = 200;

const isCoordinator = (actor: Actor) => actor.roles.includes('sakerhetssamordnare');

/**
 * `utkorg`: for the coordinators, what could not be delivered. Asked in a shared chat,
 * the list comes to the personal chat, as every answer that names people.
 */
export const outboxCommand: Command<OutboxFeatureDeps> = {
  id: 'outbox',
  names: ['utkorg', 'outbox', 'utkorgen', 'ej levererade'],
  async handle(ctx) {
    const strings = outboxStringsFor(ctx.actor.locale);
    if (!isCoordinator(ctx.actor)) {
      await ctx.turn.sendActivity(strings.forbidden);
      return;
    }
    const { deps } = ctx;
    const timeZone = deps.org.organisation.timezone;
    const undelivered = await deps.outbox.undelivered(LIST_LIMIT);
    const item = async (m: UndeliveredMessage) => ({
      data: { id: m.id },
      title: userText(
        strings.list.item(
          describeMessage(strings, m),
          await recipientName(deps, m.recipientAadObjectId),
        ),
      ),
      subtitle: userText(
        strings.list.details(
          formatLocal(m.failedAt, timeZone),
          m.status === 'unreachable' ? strings.statuses.unreachable : (m.reason ?? ''),
          m.deadlineAt ? formatLocal(m.deadlineAt, timeZone) : null,
        ),
      ),
    });
    const items = [];
    for (const m of undelivered.slice(0, LIST_ENTRIES_MAX)) items.push(await item(m));
    const card = listCard({
      more: ctx.actor.strings.listMore,
      heading: strings.list.title,
      none: strings.list.none,
      openTitle: strings.list.resend,
      openVerb: 'outbox.requeue',
      sections: [
        { heading: strings.list.heading(undelivered.length), items, total: undelivered.length },
      ],
    });
    await ctx.turn.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });
  },
};

const action = cardActionsOf<OutboxFeatureDeps>();

/** "Skicka igen": a coordinator puts an undelivered message back in the queue. */
const requeueAction = action({
  verb: 'outbox.requeue',
  data: z.object({ id: z.string().min(1).max(100) }),
  async handle(ctx, data) {
    const strings = outboxStringsFor(ctx.actor.locale);
    const aad = ctx.actor.aadObjectId;
    if (!aad || !isCoordinator(ctx.actor)) return refusal('forbidden', strings.forbidden);
    const { deps } = ctx;
    const row = await deps.outbox.findById(data.id);
    if (!row) return refusal('not-found', strings.notFound);
    const recipient = await recipientName(deps, row.recipient_aad_object_id);
    const what = describeMessage(strings, {
      purpose: row.purpose,
      subject: row.subject,
    } as UndeliveredMessage);
    const requeued = await deps.transaction(async (tx) => {
      const now = deps.clock.now();
      if (!(await createOutboxRepository(tx.db).requeue(row.id, now))) return false;
      // Whoever asks to resend to a person who removed the app vouches they have it again.
      if (row.status === 'unreachable')
        await tx.people.markReachable(row.recipient_aad_object_id, now);
      await tx.audit.record({
        at: now,
        actor: aad,
        action: 'outbox.requeued',
        objectType: 'outbox',
        objectId: row.id,
        details: { from: row.status },
      });
      return true;
    });
    if (!requeued) return messageResponse(strings.alreadyHandled);
    deps.sender.wake();
    return messageResponse(strings.requeued(what, recipient));
  },
});

export const outboxActions: CardAction<OutboxFeatureDeps>[] = [requeueAction];
