import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { CardFactory, type Attachment } from 'botbuilder';
import { fromRoot } from '../paths.js';

/**
 * A card template by feature and name: `incidents/incident` is
 * src/incidents/cards/incident.json, `platform/teams/list` is src/platform/teams/cards/list.json.
 */
export type CardName = `${string}/${string}`;

export function cardTemplatePath(name: CardName): string {
  return fromRoot('src', path.dirname(name), 'cards', `${path.basename(name)}.json`);
}

export type CardJson = Record<string, unknown>;

/**
 * A notice at the top of a card sits in a container of this style. Teams' coloured text
 * (Good, Warning, and Attention in the dark theme) falls below 4.5:1 contrast; a styled
 * container keeps the text in the default colour and the meaning in the background.
 */
export type NoticeStyle = 'good' | 'warning' | 'attention' | 'emphasis';

export interface Notice {
  text: string;
  style: NoticeStyle;
}

const templates = new Map<CardName, ACData.Template>();

function template(name: CardName): ACData.Template {
  let t = templates.get(name);
  if (!t) {
    t = new ACData.Template(JSON.parse(readFileSync(cardTemplatePath(name), 'utf8')));
    templates.set(name, t);
  }
  return t;
}

/** Fills a template with typed data. Values are substituted once, never evaluated as expressions. */
export function renderCardJson<T extends object>(name: CardName, data: T): CardJson {
  const card = template(name).expand({ $root: data }) as CardJson;
  delete card.$schema;
  return card;
}

export function renderCard<T extends object>(name: CardName, data: T): Attachment {
  return CardFactory.adaptiveCard(renderCardJson(name, data));
}

/**
 * Text from people and the register (names, titles, descriptions, notes), cleaned for a
 * card: control characters are dropped, line breaks kept. It is not escaped: templates
 * show it in a `TextRun`, an input or a choice, which Teams never reads as markdown (a
 * backslash escape would stay visible on Teams mobile). It must never go into a
 * `TextBlock` or a fact, where it would turn into links and formatting.
 */
export function userText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
  );
}

/**
 * A name or a short text from people for a plain-text message, which Teams reads as
 * markdown: the characters markdown acts on are dropped (a backslash escape would stay
 * visible on Teams mobile), control characters too, and line breaks become spaces.
 */
export function markdownFree(text: string): string {
  return userText(text)
    .replace(/[\\`*_~#<>[\]()|!]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
