import type { CardJson } from './render.js';

/**
 * Teams refuses a message whose activity is larger than about 28 KB (413, "MessageSizeTooBig").
 * The bot keeps every card it sends under 24 KB: the 4 KB margin is for what the connector
 * adds to the activity on the way (ids, conversation, recipient, channel data) and for
 * Teams counting a little differently from `JSON.stringify`.
 */
export const CARD_BUDGET_BYTES = 24 * 1024;

/** The size of a card as Teams receives it: the JSON of the message activity that carries it. */
export function cardBytes(card: CardJson): number {
  return Buffer.byteLength(
    JSON.stringify({
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    }),
    'utf8',
  );
}

export function withinBudget(card: CardJson, budget = CARD_BUDGET_BYTES): boolean {
  return cardBytes(card) <= budget;
}

/**
 * The start of `text`, at most `maxChars` characters, cut at a word where one is near and
 * ended with "…"; the text itself when it is short enough.
 */
export function excerpt(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const room = Math.max(1, maxChars - 1);
  let cut = text.slice(0, room);
  // Never split a surrogate pair (an emoji) in two.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.search(/\s\S*$/);
  if (space > room * 0.8) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

/**
 * The card with as many of `items` as fit in the budget: `build(shown, hidden)` makes the
 * card from the first `shown` items and says how many are `hidden` ("och 3 till"). The
 * most that fit is searched for, so a list of long entries shows fewer.
 */
export function fitItems<T>(
  items: readonly T[],
  build: (shown: readonly T[], hidden: number) => CardJson,
  budget = CARD_BUDGET_BYTES,
): CardJson {
  const at = (n: number) => build(items.slice(0, n), items.length - n);
  const all = at(items.length);
  if (withinBudget(all, budget)) return all;
  let low = 0;
  let high = items.length - 1;
  // Invariant: `low` items fit (an empty list is the floor), `high + 1` do not.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (withinBudget(at(mid), budget)) low = mid;
    else high = mid - 1;
  }
  return at(low);
}

/** One section of a card as `fitSections` shows it. */
export interface FittedSection<S extends { items: readonly unknown[] }> {
  section: S;
  /** The first of its entries, as many as fit. */
  items: S['items'][number][];
  /** How many of its entries are not shown (of `total` when it has one). */
  hidden: number;
}

/**
 * A card of sections of entries with as many entries as fit in the budget, in order
 * (each section at most `maxPerSection`): `build` gets every section with the entries
 * shown and how many are hidden, to say "… och 3 till".
 */
export function fitSections<S extends { items: readonly unknown[]; total?: number }>(
  sections: readonly S[],
  build: (shown: FittedSection<S>[]) => CardJson,
  maxPerSection = Infinity,
): CardJson {
  const entries = sections.flatMap((section, index) =>
    section.items.slice(0, maxPerSection).map((item) => ({ index, item })),
  );
  return fitItems(entries, (shown) =>
    build(
      sections.map((section, index) => {
        const items = shown.filter((e) => e.index === index).map((e) => e.item);
        return { section, items, hidden: (section.total ?? section.items.length) - items.length };
      }),
    ),
  );
}

/**
 * Splits `blocks` into pages, in order, each page as full as the budget allows:
 * `build(blocks)` makes a page's card. A block too large for a page of its own is
 * passed through `shrink` (e.g. cut to an excerpt) until it fits.
 */
export function paginate<T>(
  blocks: readonly T[],
  build: (page: readonly T[]) => CardJson,
  shrink: (block: T) => T,
  budget = CARD_BUDGET_BYTES,
): T[][] {
  const pages: T[][] = [];
  let page: T[] = [];
  for (const original of blocks) {
    if (withinBudget(build([...page, original]), budget)) {
      page.push(original);
      continue;
    }
    if (page.length > 0) pages.push(page);
    let block = original;
    for (let i = 0; i < 20 && !withinBudget(build([block]), budget); i++) block = shrink(block);
    page = [block];
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

/** Whether a failed send was Teams refusing the activity as too large (413, "MessageSizeTooBig"). */
export function isTooLargeForTeams(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { statusCode?: unknown; status?: unknown; code?: unknown; message?: unknown };
  return (
    e.statusCode === 413 ||
    e.status === 413 ||
    e.code === 'MessageSizeTooBig' ||
    (typeof e.message === 'string' && /MessageSizeTooBig/.test(e.message))
  );
}

/** Whether the activity carries something a short text can stand in for (a card). */
export function hasAttachments(activity: { attachments?: unknown }): boolean {
  return Array.isArray(activity.attachments) && activity.attachments.length > 0;
}

/**
 * One line for a plain text message, which Teams reads as markdown: a summary made from
 * people's titles must not turn into links, emphasis or code there. The characters that
 * start markup are dropped, line breaks become spaces, and the line is kept short.
 */
export function plainLine(text: string, maxChars = 300): string {
  return excerpt(
    text
      .replace(/[*_`~#<>[\]|\\]/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
    maxChars,
  );
}
