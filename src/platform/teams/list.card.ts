import { fitSections } from './card-budget.js';
import { renderCardJson, type CardJson } from './render.js';

export interface ListItem {
  data: Record<string, unknown>;
  title: string;
  subtitle: string;
}

export interface ListSection {
  heading: string;
  items: ListItem[];
  /** Entries there are, when only the first of them are in `items`; default: all are. */
  total?: number;
}

export interface ListCard {
  heading: string;
  none: string;
  openTitle: string;
  openVerb: string;
  sections: ListSection[];
  /** Under a section that shows only some of its entries: "… och 3 till." */
  more: (hidden: number) => string;
}

/** Entries a section shows at most, however short they are: a list is read, not searched. */
export const LIST_ENTRIES_MAX = 20;

/**
 * The shared list card (platform/teams/cards/list.json) of incidents, approvals and the
 * outbox: each section shows at most `LIST_ENTRIES_MAX` entries and, all sections
 * together, as many as fit in the card budget; each says how many more there are.
 */
export function listCard(list: ListCard): CardJson {
  return fitSections(
    list.sections,
    (shown) =>
      renderCardJson('platform/teams/list', {
        heading: list.heading,
        none: list.none,
        openTitle: list.openTitle,
        openVerb: list.openVerb,
        sections: shown.map(({ section, items, hidden }) => ({
          heading: section.heading,
          items,
          more: hidden > 0 ? list.more(hidden) : '',
        })),
      }),
    LIST_ENTRIES_MAX,
  );
}
