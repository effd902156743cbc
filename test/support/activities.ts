import { randomUUID } from 'node:crypto';
import { aadObjectId } from '../../src/platform/identity.js';

const person = (letter: string, name: string) => ({
  aadObjectId: aadObjectId(`00000000-0000-0000-0000-0000000000${letter}`),
  name,
});

/** People of config/org.example.yaml, as Teams identifies them. */
export const people = {
  karin: person('a1', 'Karin Lund'), // kommunchef
  lars: person('a2', 'Lars Berg'), // IT-säkerhetssamordnare
  sara: person('a3', 'Sara Nyström'), // IT-säkerhetssamordnare
  dina: person('a4', 'Dina Ek'), // dataskyddsombud
  olof: person('a5', 'Olof Strand'), // systemägare: ekonomi, lön
  maria: person('a6', 'Maria Holm'), // systemägare: vård (samhällsviktigt)
  per: person('a7', 'Per Sjödin'), // systemägare: VA (samhällsviktigt)
  anna: person('a8', 'Anna Andersson'), // staff
  erik: person('a9', 'Erik Persson'), // staff
  /** Someone in the tenant who is not in the organisation file. */
  stranger: person('ff', 'Sven Okänd'),
} as const;

export const TENANT = '00000000-0000-0000-0000-000000000001';
export const BOT = { id: '28:bot-app-id', name: 'IT-säkerhet' };

export interface Sender {
  aadObjectId: string;
  name: string;
}

export interface ActivityOptions {
  serviceUrl: string;
  tenantId?: string;
  locale?: string;
  conversationType?: 'personal' | 'groupChat' | 'channel';
  /** Default: the person's personal chat with the bot. */
  conversationId?: string;
  /** For a card click: the id of the message that holds the card, as Teams sends it. */
  replyToId?: string;
  /** For a card click: `automatic` when Teams asks for the card's refresh (default `manual`). */
  trigger?: 'manual' | 'automatic';
}

/** A group chat and a team channel the bot has been added to. */
export const GROUP_CHAT = {
  id: '19:group-itsak@thread.v2',
  conversationType: 'groupChat',
} as const;
export const CHANNEL = {
  id: '19:channel-itsak@thread.tacv2;messageid=1',
  conversationType: 'channel',
} as const;

/** The personal conversation id Teams would use between the bot and this person. */
export function personalConversationId(sender: Sender): string {
  return `a:personal-${sender.aadObjectId}`;
}

function base(sender: Sender, options: ActivityOptions) {
  const tenantId = options.tenantId ?? TENANT;
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    timestamp: new Date().toISOString(),
    locale: options.locale ?? 'sv-SE',
    from: { id: `29:${sender.aadObjectId}`, name: sender.name, aadObjectId: sender.aadObjectId },
    recipient: BOT,
    ...(options.replyToId ? { replyToId: options.replyToId } : {}),
    conversation: {
      id: options.conversationId ?? personalConversationId(sender),
      conversationType: options.conversationType ?? 'personal',
      tenantId,
    },
    channelData: { tenant: { id: tenantId } },
  };
}

export function message(sender: Sender, text: string, options: ActivityOptions) {
  const shared = options.conversationType === 'groupChat' || options.conversationType === 'channel';
  if (!shared) return { ...base(sender, options), type: 'message', text, textFormat: 'plain' };
  // In a shared chat the bot hears only messages that @mention it, as Teams sends them.
  const mention = `<at>${BOT.name}</at>`;
  return {
    ...base(sender, options),
    type: 'message',
    text: `${mention} ${text}`,
    textFormat: 'plain',
    entities: [{ type: 'mention', text: mention, mentioned: BOT }],
  };
}

export function installation(sender: Sender, action: 'add' | 'remove', options: ActivityOptions) {
  return { ...base(sender, options), type: 'installationUpdate', action };
}

export function cardAction(sender: Sender, verb: string, data: unknown, options: ActivityOptions) {
  return {
    ...base(sender, options),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: options.trigger ?? 'manual' },
  };
}

/** What Teams sends while a person types into a card's typeahead picker (dynamic search). */
export function searchInvoke(
  sender: Sender,
  dataset: string,
  queryText: string,
  options: ActivityOptions,
) {
  return {
    ...base(sender, options),
    type: 'invoke',
    name: 'application/search',
    value: { queryText, queryOptions: { skip: 0, top: 15 }, dataset },
  };
}
