/**
 * Pressing an Action.Execute button the way Teams does: the button is found by its
 * title anywhere in the card (action lists, ActionSets, ShowCards, nested
 * containers), and the values of the inputs it can see (its own card and the cards
 * around it) are merged over its `data`: an input wins over a data field of the
 * same name. Empty inputs are left out, and a required empty input stops the press,
 * as in the Teams client.
 */

type Json = Record<string, unknown>;

export interface Press {
  verb: string;
  data: Record<string, unknown>;
}

interface FoundButton {
  action: Json;
  /** Inputs of the card holding the button and of the cards around it, outermost first. */
  inputs: Json[];
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The inputs of one card, without those of the ShowCards inside it. */
function inputsOf(node: unknown, found: Json[] = []): Json[] {
  if (Array.isArray(node)) {
    for (const item of node) inputsOf(item, found);
    return found;
  }
  if (!isObject(node)) return found;
  if (typeof node.type === 'string' && node.type.startsWith('Input.') && node.id) found.push(node);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'card') continue; // a ShowCard's inputs are its own
    if (typeof value === 'object') inputsOf(value, found);
  }
  return found;
}

function buttonsIn(card: Json, outer: Json[], found: FoundButton[]): FoundButton[] {
  const inputs = [...outer, ...inputsOf(card)];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!isObject(node)) return;
    if (node.type === 'Action.Execute') found.push({ action: node, inputs });
    if (node.type === 'Action.ShowCard' && isObject(node.card)) buttonsIn(node.card, inputs, found);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'card' && node.type === 'Action.ShowCard') continue;
      if (typeof value === 'object') visit(value);
    }
  };
  visit(card.body);
  visit(card.actions);
  return found;
}

/** What Teams sends for an input, or undefined when it sends nothing for it. */
function valueOf(input: Json, typed: Record<string, string>): string | undefined {
  const id = String(input.id);
  if (id in typed) return typed[id] === '' ? undefined : typed[id];
  if (input.type === 'Input.Toggle') {
    const on = typeof input.valueOn === 'string' ? input.valueOn : 'true';
    const off = typeof input.valueOff === 'string' ? input.valueOff : 'false';
    return input.value === on ? on : off;
  }
  const value = input.value;
  if (value === undefined || value === null || value === '') return undefined;
  return String(value);
}

/** The titles of the card's Action.Execute buttons, to say what was there when one is missing. */
export function buttonTitles(card: Json): string[] {
  return buttonsIn(card, [], []).map((b) => String(b.action.title));
}

export function pressButton(card: Json, title: string, typed: Record<string, string> = {}): Press {
  const matches = buttonsIn(card, [], []).filter((b) => b.action.title === title);
  if (matches.length === 0)
    throw new Error(
      `no button "${title}" on the card; there are: ${buttonTitles(card).join(', ')}`,
    );
  if (matches.length > 1) throw new Error(`${matches.length} buttons titled "${title}"`);
  const { action } = matches[0]!;
  const inputs = action.associatedInputs === 'none' ? [] : matches[0]!.inputs;
  const known = new Set(inputs.map((i) => String(i.id)));
  const strays = Object.keys(typed).filter((id) => !known.has(id));
  if (strays.length > 0)
    throw new Error(`the button "${title}" sees no input ${strays.join(', ')}`);
  const data: Record<string, unknown> = isObject(action.data) ? { ...action.data } : {};
  for (const input of inputs) {
    const value = valueOf(input, typed);
    if (value !== undefined) data[String(input.id)] = value;
    else if (input.isRequired === true)
      throw new Error(
        `Teams would not send "${title}": the required input ${String(input.id)} is empty`,
      );
  }
  return { verb: String(action.verb ?? ''), data };
}
