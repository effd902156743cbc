import { randomUUID } from 'node:crypto';
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import type { Person, PersonRepository } from '../org/index.js';
import type { OutboxRepository } from '../outbox/index.js';
import { formatLocal } from '../platform/calendar.js';
import type { Clock } from '../platform/clock.js';

/**
 * Local mode only: the inbox view. The Agents Playground shows one user; here anyone
 * trying the bot sees, per person, the cards the bot sent them through the outbox,
 * and presses their buttons as that person. A press is the invoke Teams would send
 * from the person's personal chat, handled by the same bot.
 */
export interface InboxMessage {
  id: string;
  /** When it was queued, on the organisation's wall clock. */
  at: string;
  status: string;
  text: string;
  /** The Adaptive Cards it carries. */
  cards: Record<string, unknown>[];
}

export interface PressAnswer {
  /** The invoke response's status and body, as Teams would get them. */
  status: number;
  card: Record<string, unknown> | null;
  message: string | null;
  /** What the bot wrote into the chat during the turn. */
  replies: { text: string; cards: Record<string, unknown>[] }[];
}

export interface LocalInbox {
  messagesOf(person: Person): Promise<InboxMessage[]>;
  press(person: Person, verb: string, data: unknown): Promise<PressAnswer>;
}

/** Messages the inbox shows per person, newest first. */
const INBOX_LIMIT = 50;
const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

export interface LocalInboxDeps {
  outbox: OutboxRepository;
  people: PersonRepository;
  clock: Clock;
  tenantId: string;
  timeZone: () => string;
  /** Where the bot's connector calls go for someone it has never seen in a chat. */
  fallbackServiceUrl: () => string;
  /** Runs one activity through the bot, as `/api/messages` does. */
  process(
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined>;
  runTurn(context: TurnContext): Promise<void>;
}

function cardsOf(activity: Partial<Activity>): Record<string, unknown>[] {
  return (activity.attachments ?? [])
    .filter((a) => a.contentType === ADAPTIVE_CARD && a.content && typeof a.content === 'object')
    .map((a) => a.content as Record<string, unknown>);
}

export function createLocalInbox(deps: LocalInboxDeps): LocalInbox {
  return {
    async messagesOf(person) {
      const rows = await deps.outbox.listTo(person.aadObjectId, INBOX_LIMIT);
      return rows.map((row) => {
        const activity = JSON.parse(row.activity) as Partial<Activity>;
        return {
          id: row.id,
          at: formatLocal(new Date(row.created_at), deps.timeZone()),
          status: row.status,
          text: typeof activity.text === 'string' ? activity.text : '',
          cards: cardsOf(activity),
        };
      });
    },

    async press(person, verb, data) {
      const aad = person.aadObjectId.toLowerCase();
      const known = await deps.people.find(aad);
      const conversationId = known?.conversationId ?? `a:local-inbox-${aad}`;
      const activity = {
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: randomUUID(),
        channelId: 'msteams',
        serviceUrl: known?.serviceUrl ?? deps.fallbackServiceUrl(),
        timestamp: deps.clock.now(),
        locale: known?.locale ?? 'sv-SE',
        from: { id: known?.teamsUserId ?? `29:${aad}`, name: person.name, aadObjectId: aad },
        recipient: { id: 'bot', name: 'IT-säkerhet' },
        conversation: { id: conversationId, conversationType: 'personal', tenantId: deps.tenantId },
        channelData: { tenant: { id: deps.tenantId } },
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      } as unknown as Activity;
      const replies: PressAnswer['replies'] = [];
      const response = await deps.process(activity, async (context) => {
        // What the bot writes into the chat during the turn is shown beside the card.
        context.onSendActivities(async (_ctx, activities, next) => {
          if (activities.some((a) => a.type === 'invokeResponse')) return next();
          for (const a of activities)
            replies.push({ text: typeof a.text === 'string' ? a.text : '', cards: cardsOf(a) });
          return activities.map(() => ({ id: randomUUID() }));
        });
        await deps.runTurn(context);
      });
      const body = (response?.body ?? {}) as { type?: string; value?: unknown };
      return {
        status: response?.status ?? 200,
        card:
          body.type === ADAPTIVE_CARD && body.value && typeof body.value === 'object'
            ? (body.value as Record<string, unknown>)
            : null,
        message: typeof body.value === 'string' ? body.value : null,
        replies,
      };
    },
  };
}
