import type { Activity, TurnContext } from 'botbuilder';

/**
 * Team channels and group chats (meeting chats are group chats). Everyone there sees
 * what the bot writes, so it answers help and rules questions only; anything about an
 * incident, an approval, a goal or a person goes to the person's personal chat.
 */
export function isSharedConversation(activity: Partial<Pick<Activity, 'conversation'>>): boolean {
  const type = activity.conversation?.conversationType;
  return type === 'channel' || type === 'groupChat';
}

/** The parts of a reply that say something; where it goes is decided by whoever sends it on. */
const CONTENT_KEYS = ['text', 'textFormat', 'summary', 'attachments', 'attachmentLayout'] as const;

function contentOf(activity: Partial<Activity>): Record<string, unknown> {
  const content: Record<string, unknown> = { type: 'message' };
  for (const key of CONTENT_KEYS) if (activity[key] !== undefined) content[key] = activity[key];
  return content;
}

/**
 * Runs `work` with every message it sends in this turn held back instead of posted
 * (typing indicators and traces are dropped), and returns those messages, stripped of
 * the conversation they were addressed to.
 */
export async function holdBackReplies(
  turn: TurnContext,
  work: () => Promise<void>,
): Promise<Record<string, unknown>[]> {
  const held: Record<string, unknown>[] = [];
  let holding = true;
  turn.onSendActivities(async (_context, activities, next) => {
    if (!holding) return next();
    for (const activity of activities)
      if (activity.type === 'message') held.push(contentOf(activity));
    return activities.map(() => ({ id: '' }));
  });
  try {
    await work();
  } finally {
    holding = false;
  }
  return held;
}
