import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { cleanStrings, cleanText } from '../text.js';

/**
 * The parts of an incoming activity the bot relies on, parsed the moment it
 * arrives. Anything else in the activity is ignored.
 */
const channelAccount = z.object({
  id: z.string().max(500).optional(),
  name: z.string().max(500).optional(),
  aadObjectId: z.string().max(100).optional(),
});

export const incomingActivitySchema = z.object({
  type: z.string().min(1).max(100),
  id: z.string().max(500).optional(),
  serviceUrl: z.string().url().max(2000),
  channelId: z.string().min(1).max(100),
  from: channelAccount,
  recipient: channelAccount,
  conversation: z.object({
    id: z.string().min(1).max(1000),
    conversationType: z.string().max(50).optional(),
    tenantId: z.string().max(100).optional(),
  }),
  locale: z.string().max(20).optional(),
  text: z.string().optional(),
  channelData: z
    .object({ tenant: z.object({ id: z.string().max(100) }).optional() })
    .passthrough()
    .optional(),
});

export type IncomingActivity = z.infer<typeof incomingActivitySchema>;

export function tenantOf(
  activity: Pick<IncomingActivity, 'conversation' | 'channelData'>,
): string | undefined {
  return activity.channelData?.tenant?.id ?? activity.conversation.tenantId;
}

export const adaptiveCardInvokeSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(100),
    data: z.unknown().optional(),
  }),
});

/** `automatic` when Teams asks for the card's `refresh` as someone looks at it; `manual` for a click. */
export const invokeTriggerSchema = z.object({ trigger: z.string().max(20).optional() });

/**
 * Cleans what a person sent, in place, before anything reads it: the text, the card's
 * values and the sender's name (see `cleanText`). Entities without a string `type`
 * are dropped: botbuilder's mention handling reads `type` of every entity, and one
 * malformed entity would otherwise fail the whole turn.
 */
export function cleanActivity(activity: Partial<Activity>): void {
  if (typeof activity.text === 'string') activity.text = cleanText(activity.text);
  if (activity.value !== undefined) activity.value = cleanStrings(activity.value);
  if (typeof activity.from?.name === 'string') activity.from.name = cleanText(activity.from.name);
  const entities: unknown = activity.entities;
  if (entities !== undefined) {
    activity.entities = Array.isArray(entities)
      ? entities.filter(
          (e: unknown): e is NonNullable<Activity['entities']>[number] =>
            typeof e === 'object' &&
            e !== null &&
            typeof (e as { type?: unknown }).type === 'string',
        )
      : undefined;
  }
}
