import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Window, type HTMLElement, type HTMLInputElement, type HTMLSelectElement } from 'happy-dom';

/**
 * Pressing a card button the way Teams does, with Microsoft's own `adaptivecards`
 * SDK: the card is parsed and rendered (in a happy-dom window, where the SDK finds
 * the DOM it needs), the person's values are put into the rendered inputs, and the
 * action is executed. What the SDK then hands the host is what Teams sends: the
 * button's `data` with the values of the inputs it sees merged over it (an input
 * wins over a data field of the same name), empty inputs left out, `associatedInputs`
 * honoured, and no data at all when a required input is empty or a value is invalid.
 */

type Json = Record<string, unknown>;

/** What Teams sends when the button is pressed. */
export interface Press {
  type: 'Action.Execute' | 'Action.Submit';
  /** The verb of an Action.Execute; undefined for an Action.Submit. */
  verb: string | undefined;
  data: Json;
}

/** A button as the card declares it, before any input is merged in. */
export interface DeclaredButton {
  type: string;
  title: string;
  verb: string | undefined;
  data: Json;
  /** The ids of the inputs the button sends with its data (none with associatedInputs "none"). */
  sends: string[];
}

// The SDK's own types are for a browser bundle; these are the few members used here.
interface SdkElement {
  parent?: SdkElement;
  renderedElement?: HTMLElement;
  getJsonTypeName(): string;
}
interface SdkInput extends SdkElement {
  id?: string;
  isRequired: boolean;
  maxLength?: number;
  isMultiSelect?: boolean;
  valueOn?: string;
  valueOff?: string;
  choices?: { title?: string; value?: string }[];
  /** A typeahead picker's choices as the host fetched them for the text typed. */
  renderChoices?(filter: string, fetched: FetchedChoice[]): void;
  /** The value the card presets (`value` in the card's JSON). */
  defaultValue?: string;
  renderedInputControlElement?: HTMLElement;
  value: unknown;
  validateValue(): boolean;
}
/** A choice a typeahead search answered. */
export interface FetchedChoice {
  title: string;
  value: string;
}

interface SdkAction {
  title?: string;
  verb?: string;
  data?: unknown;
  parent?: SdkElement;
  card?: SdkCard;
  state?: number;
  getJsonTypeName(): string;
  getReferencedInputs(): Record<string, SdkInput> | undefined;
  validateInputs(): SdkInput[];
  isEffectivelyEnabled(): boolean;
  execute(): void;
}
interface SdkCard extends SdkElement {
  parse(json: unknown): void;
  render(): HTMLElement | undefined;
  getAllActions(): SdkAction[];
  getAllInputs(processActions?: boolean): SdkInput[];
  refresh?: { action?: SdkAction };
  onExecuteAction?: (action: SdkAction) => void;
}
interface Sdk {
  AdaptiveCard: (new () => SdkCard) & {
    onProcessMarkdown?: (text: string, result: { didProcess: boolean }) => void;
  };
  ShowCardAction: new () => SdkAction;
}

let sdk: { lib: Sdk; window: Window } | undefined;

/** The SDK's browser bundle, loaded once per process into a window of its own. */
function adaptiveCards(): { lib: Sdk; window: Window } {
  if (sdk) return sdk;
  const window = new Window({
    settings: {
      // Only to run the SDK's bundle below; no card ever carries script.
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
    },
  });
  const bundle = createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.js');
  window.eval(readFileSync(bundle, 'utf8'));
  const lib = (window as unknown as { AdaptiveCards: Sdk }).AdaptiveCards;
  // Text is rendered as it stands (Teams' markdown is not what is tested here).
  lib.AdaptiveCard.onProcessMarkdown = (_text, result) => {
    result.didProcess = false;
  };
  sdk = { lib, window };
  return sdk;
}

/** Parses and renders the card as a Teams client does before anyone can press anything. */
function renderedCard(json: Json): SdkCard {
  const { lib, window } = adaptiveCards();
  const card = new lib.AdaptiveCard();
  // A copy made inside the SDK's window, so nothing of the caller's objects is shared.
  card.parse((window as unknown as { JSON: JSON }).JSON.parse(JSON.stringify(json)));
  const element = card.render();
  if (element) window.document.body.appendChild(element);
  showDefaultChoices(card);
  return card;
}

/**
 * The SDK marks a compact choice set's preset value as `option.selected` before it
 * adds the option to the <select>. A browser keeps that choice; happy-dom forgets
 * it and shows the first option. This puts the preset value back, as a browser shows it.
 */
function showDefaultChoices(card: SdkCard): void {
  for (const input of card.getAllInputs()) {
    if (input.getJsonTypeName() !== 'Input.ChoiceSet' || input.isMultiSelect) continue;
    const select = (input.renderedElement ?? input.renderedInputControlElement)?.querySelector(
      'select',
    ) as HTMLSelectElement | null | undefined;
    const preset = input.defaultValue;
    if (select && preset && [...select.options].some((o) => o.value === preset))
      select.value = preset;
  }
}

/** Out of the SDK's window, as plain data. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? {})) as T;

/** Every action of the card once, those inside Action.ShowCards included, outer ones first. */
function allActions(card: SdkCard): SdkAction[] {
  const seen = new Set<SdkAction>();
  const visit = (actions: SdkAction[]) => {
    for (const action of actions) {
      if (seen.has(action)) continue;
      seen.add(action);
      if (action.card) visit(action.card.getAllActions());
    }
  };
  visit(card.getAllActions());
  return [...seen];
}

const isExecutable = (a: SdkAction) =>
  a.getJsonTypeName() === 'Action.Execute' || a.getJsonTypeName() === 'Action.Submit';

/** The visible text of the element a select action belongs to (a container, a column). */
function textOf(element: SdkElement | undefined): string {
  return (element?.renderedElement?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Which button: its title, or its title and a text near it when several have the
 * same title (as a person tells "Gjord" under one deadline from "Gjord" under another).
 */
export type ButtonRef = string | { title: string; near: string };

/** How many levels up from the action the nearest element with `text` is (Infinity: none). */
function distanceTo(action: SdkAction, text: string): number {
  let depth = 0;
  for (let element = action.parent; element; element = element.parent, depth++)
    if (textOf(element).includes(text)) return depth;
  return Infinity;
}

/** A button titled `title`, or a container whose select action has that text in it. */
function findAction(card: SdkCard, ref: ButtonRef): SdkAction {
  const title = typeof ref === 'string' ? ref : ref.title;
  const actions = allActions(card).filter(isExecutable);
  const titled = actions.filter((a) => a.title === title);
  let found =
    titled.length > 0
      ? titled
      : actions.filter((a) => !a.title && textOf(a.parent).includes(title));
  if (typeof ref !== 'string' && found.length > 1) {
    const nearest = Math.min(...found.map((a) => distanceTo(a, ref.near)));
    found = found.filter((a) => distanceTo(a, ref.near) === nearest);
  }
  if (found.length === 0)
    throw new Error(
      `no button "${title}" on the card; there are: ${buttonTitlesOf(card).join(', ')}`,
    );
  if (found.length > 1)
    throw new Error(`${found.length} buttons titled "${title}": say which with { title, near }`);
  return found[0]!;
}

function buttonTitlesOf(card: SdkCard): string[] {
  return allActions(card)
    .filter(isExecutable)
    .map((a) => a.title || `[${textOf(a.parent)}]`);
}

/** Opens the Action.ShowCards around the action, as a person must before they can reach it. */
function expandShowCardsAround(card: SdkCard, action: SdkAction): void {
  const showCards = allActions(card).filter((a) => a.getJsonTypeName() === 'Action.ShowCard');
  const inside = (target: SdkAction, showCard: SdkAction) =>
    showCard.card !== undefined && allActions(showCard.card).includes(target);
  for (const showCard of showCards) {
    // Outer ShowCards come first in getAllActions, so they open before the ones inside them.
    if (inside(action, showCard) && !showCard.card!.renderedElement) showCard.execute();
  }
}

function elementsIn(input: SdkInput, selector: string): HTMLInputElement[] {
  const root = input.renderedElement ?? input.renderedInputControlElement;
  return root ? ([...root.querySelectorAll(selector)] as HTMLInputElement[]) : [];
}

/** Puts a value into a rendered input as a person would type or choose it. */
function enter(input: SdkInput, value: string, found: FetchedChoice[] | undefined): void {
  const id = String(input.id);
  const kind = input.getJsonTypeName();
  const control = input.renderedInputControlElement as HTMLInputElement | undefined;
  switch (kind) {
    case 'Input.Toggle': {
      const box = elementsIn(input, 'input[type="checkbox"]')[0];
      const on = input.valueOn ?? 'true';
      const off = input.valueOff ?? 'false';
      if (!box || (value !== on && value !== off))
        throw new Error(`the toggle ${id} is either "${on}" or "${off}", not "${value}"`);
      box.checked = value === on;
      return;
    }
    case 'Input.ChoiceSet': {
      const wanted = value === '' ? [] : input.isMultiSelect ? value.split(',') : [value];
      const offered = (input.choices ?? []).map((c) => c.value);
      const missing = wanted.filter((v) => !offered.includes(v));
      // A typeahead picker also offers what the bot's search answered (`search` in the
      // test app): the SDK is handed those choices, as Teams hands them to its card.
      const fetched = found?.filter((c) => missing.includes(c.value)) ?? [];
      if (missing.length > fetched.length)
        throw new Error(
          `the choice set ${id} offers no ${missing.join(', ')}` +
            (found ? ' (nor did the search find it)' : ''),
        );
      const root = input.renderedElement ?? input.renderedInputControlElement;
      // Static (a field with a datalist) or, with `choices.data`, the SDK's typeahead box.
      const filtered = root?.querySelector('input[list], input[type="text"]') as
        HTMLInputElement | null | undefined;
      if (filtered && !input.isMultiSelect) {
        // A text field: the person picks a choice by its title.
        const choice = [...(input.choices ?? []), ...fetched].find((c) => c.value === wanted[0]);
        filtered.value = choice?.title ?? wanted[0] ?? '';
        if (fetched.length > 0) input.renderChoices?.(filtered.value, fetched);
        return;
      }
      const select = root?.querySelector('select') as HTMLSelectElement | null | undefined;
      if (select) {
        select.value = wanted[0] ?? '';
        if (wanted.length === 0) select.selectedIndex = 0;
        return;
      }
      for (const box of elementsIn(input, 'input')) box.checked = wanted.includes(box.value);
      return;
    }
    default: {
      if (!control) throw new Error(`the input ${id} was not rendered`);
      if (input.maxLength && value.length > input.maxLength)
        throw new Error(
          `the input ${id} takes at most ${input.maxLength} characters, Teams would not let ${value.length} in`,
        );
      control.value = value;
      if (value !== '' && control.value !== value)
        throw new Error(`the input ${id} (${kind}) does not accept "${value}"`);
    }
  }
}

/**
 * Presses the button titled `title` (an Action.Execute or Action.Submit, anywhere
 * in the card) after entering `typed` (input id → value; '' empties it). Throws
 * where a person could not do it: no such button, an input the button does not
 * send, a choice the card does not offer, more characters than the input takes,
 * or an empty required input (Teams then shows the error and sends nothing).
 */
export function pressButton(
  card: Json,
  button: ButtonRef,
  typed: Record<string, string> = {},
  found: Record<string, FetchedChoice[]> = {},
): Press {
  const sdkCard = renderedCard(card);
  const action = findAction(sdkCard, button);
  const title = typeof button === 'string' ? button : button.title;
  expandShowCardsAround(sdkCard, action);
  const inputs = action.getReferencedInputs() ?? {};
  const strays = Object.keys(typed).filter((id) => !(id in inputs));
  if (strays.length > 0)
    throw new Error(`the button "${title}" sees no input ${strays.join(', ')}`);
  for (const [id, value] of Object.entries(typed))
    enter(inputs[id]!, value, dynamicDatasetOf(card, id) ? (found[id] ?? []) : undefined);
  if (!action.isEffectivelyEnabled()) throw new Error(`the button "${title}" is disabled`);

  let sent: Press | undefined;
  sdkCard.onExecuteAction = (executed) => {
    sent = {
      type: executed.getJsonTypeName() as Press['type'],
      verb: executed.verb,
      data: plain(executed.data as Json),
    };
  };
  action.execute();
  if (!sent) {
    const invalid = action.validateInputs().map((i) => String(i.id));
    throw new Error(
      `Teams would not send "${title}": the input ${invalid.join(', ')} is required or invalid`,
    );
  }
  return sent;
}

/**
 * The dataset of the typeahead picker `inputId` (`"choices.data": { "type": "Data.Query" }`),
 * read from the card's JSON: Teams searches it as the person types.
 */
export function dynamicDatasetOf(card: Json, inputId: string): string | undefined {
  let found: string | undefined;
  const visit = (node: unknown): void => {
    if (found || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const element = node as Json;
    const query = element['choices.data'] as Json | undefined;
    if (
      element.type === 'Input.ChoiceSet' &&
      element.id === inputId &&
      query?.type === 'Data.Query'
    )
      found = typeof query.dataset === 'string' ? query.dataset : undefined;
    Object.values(element).forEach(visit);
  };
  visit(card);
  return found;
}

/** The titles of the card's buttons ("[text]" for a container that is a button). */
export function buttonTitles(card: Json): string[] {
  return buttonTitlesOf(renderedCard(card));
}

/** Every button on the card with its declared data and the inputs it would send. */
export function declaredButtons(card: Json): DeclaredButton[] {
  const sdkCard = renderedCard(card);
  return allActions(sdkCard)
    .filter(isExecutable)
    .map((a) => ({
      type: a.getJsonTypeName(),
      title: a.title || textOf(a.parent),
      verb: a.verb,
      data: plain(a.data as Json),
      sends: Object.keys(a.getReferencedInputs() ?? {}),
    }));
}

/**
 * What Teams sends when it refreshes the card (Universal Actions `refresh`): the
 * refresh action's verb and data, without inputs. Undefined when the card has none.
 */
export function refreshOf(card: Json): Press | undefined {
  const action = renderedCard(card).refresh?.action;
  if (!action) return undefined;
  return { type: 'Action.Execute', verb: action.verb, data: plain(action.data as Json) };
}
