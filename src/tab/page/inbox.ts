import * as AdaptiveCards from 'adaptivecards';
import dark from './teams-host-config/dark.json';
import light from './teams-host-config/light.json';
import type { ApiClient, InboxMessage } from './api.js';
import type { PageStrings } from './strings.js';

/**
 * The inbox view of local mode: each card the bot sent a person, drawn by the official
 * Adaptive Cards renderer with Teams' host config. A button sends what Teams would: the
 * verb, and the card's data with the inputs merged over it, as that person.
 */
export function renderCard(
  json: Record<string, unknown>,
  theme: string,
  onExecute: (verb: string, data: unknown) => void,
): HTMLElement {
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = new AdaptiveCards.HostConfig(theme === 'default' ? light : dark);
  card.onExecuteAction = (action) => {
    if (action instanceof AdaptiveCards.ExecuteAction) onExecute(action.verb ?? '', action.data);
    else if (action instanceof AdaptiveCards.SubmitAction) onExecute('', action.data);
    else if (action instanceof AdaptiveCards.OpenUrlAction && action.url)
      window.open(action.url, '_blank', 'noopener');
  };
  card.parse(json);
  const element = card.render();
  const holder = document.createElement('div');
  holder.className = 'card';
  if (element) holder.appendChild(element);
  return holder;
}

function text(tag: string, content: string, className?: string): HTMLElement {
  const element = document.createElement(tag);
  element.textContent = content;
  if (className) element.className = className;
  return element;
}

export async function renderInbox(
  target: HTMLElement,
  api: ApiClient,
  person: string,
  s: PageStrings,
  theme: string,
): Promise<void> {
  const { messages } = await api.inbox(person);
  const list = document.createElement('ol');
  list.className = 'inbox';
  const show = (item: HTMLElement, message: InboxMessage) => {
    item.replaceChildren(
      text('p', `${message.at} · ${s.status[message.status] ?? message.status}`, 'meta'),
    );
    if (message.text) item.appendChild(text('p', message.text, 'message'));
    for (const card of message.cards) {
      const slot = document.createElement('div');
      const press = async (verb: string, data: unknown) => {
        const answer = await api.press(person, verb, data);
        const parts: HTMLElement[] = [];
        if (answer.card) parts.push(renderCard(answer.card, theme, press));
        else parts.push(renderCard(card, theme, press));
        const said = [answer.message ?? '', ...answer.replies.map((r) => r.text)].filter(Boolean);
        for (const line of said) parts.push(text('p', line, 'answer'));
        if (!answer.card && said.length === 0)
          parts.push(text('p', s.answeredWith(answer.status), 'answer'));
        for (const reply of answer.replies)
          for (const c of reply.cards) parts.push(renderCard(c, theme, press));
        slot.replaceChildren(...parts);
      };
      slot.appendChild(renderCard(card, theme, press));
      item.appendChild(slot);
    }
  };
  for (const message of messages) {
    const item = document.createElement('li');
    item.dataset.message = message.id;
    show(item, message);
    list.appendChild(item);
  }
  target.replaceChildren(messages.length === 0 ? text('p', s.inboxEmpty, 'none') : list);
}
