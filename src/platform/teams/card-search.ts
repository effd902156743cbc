import type { HandlerContext, TurnScope } from './handler-context.js';

/**
 * A dataset a card's typeahead searches (an `Input.ChoiceSet` with
 * `"choices.data": { "type": "Data.Query", "dataset": … }`): Teams sends what the person
 * types as an `application/search` invoke and shows the choices answered. For lists
 * too long to put in a card, such as the people of a municipality.
 */
export interface CardSearch<D> {
  /**
   * The dataset's name. A card may name it with a context after a colon
   * (`people:<approval id>`), which the search receives; it narrows the choices and
   * never grants anything (it is card data).
   */
  dataset: string;
  search(
    ctx: HandlerContext<D>,
    query: string,
    top: number,
    context: string | undefined,
  ): Promise<SearchChoice[]>;
}

export interface SearchChoice {
  title: string;
  value: string;
}

export interface BoundCardSearch {
  dataset: string;
  search(
    scope: TurnScope,
    query: string,
    top: number,
    context: string | undefined,
  ): Promise<SearchChoice[]>;
}

export function bindCardSearch<D>(search: CardSearch<D>, deps: D): BoundCardSearch {
  return {
    dataset: search.dataset,
    search: (scope, query, top, context) => search.search({ ...scope, deps }, query, top, context),
  };
}

/** `people:1234` → the dataset `people` and the context `1234`. */
export function splitDataset(dataset: string): { name: string; context: string | undefined } {
  const colon = dataset.indexOf(':');
  return colon < 0
    ? { name: dataset, context: undefined }
    : { name: dataset.slice(0, colon), context: dataset.slice(colon + 1) };
}

/** Teams shows at most 15 choices in a typeahead; nobody is sent more. */
export const MAX_SEARCH_CHOICES = 15;

/** The longest search text answered; longer text is cut (nobody types more in a picker). */
export const MAX_SEARCH_TEXT = 100;
