import { createRequire } from 'node:module';

interface ParseEvent {
  message: string;
}
interface ParsedInput {
  id?: string;
}
interface AdaptiveCardLike {
  parse(json: unknown, context: unknown): void;
  validateProperties(): { validationEvents: ParseEvent[] };
  getAllInputs(): ParsedInput[];
  version?: { toString(): string };
}
interface Library {
  AdaptiveCard: new () => AdaptiveCardLike;
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): ParseEvent };
}

// The package's browser bundle, which also runs in Node; its typings do not describe it as a module.
const lib = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as Library;

/**
 * Checks a card with the official adaptivecards parser: every parse warning and
 * validation failure (unknown element or action, duplicate id, bad value) is a problem,
 * and every input must have a unique id.
 */
export function cardProblems(card: unknown): string[] {
  const parsed = new lib.AdaptiveCard();
  const context = new lib.SerializationContext();
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++)
    problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of parsed.validateProperties().validationEvents)
    problems.push(`validate: ${event.message}`);
  const ids = parsed.getAllInputs().map((input) => input.id);
  if (ids.some((id) => !id)) problems.push('an input has no id');
  const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (duplicates.length > 0) problems.push(`duplicate input ids: ${duplicates.join(', ')}`);
  return problems;
}

/** The texts of `expected` that `shown` (a card, an invoke answer, or their text) does not contain. */
export function missingTexts(shown: unknown, expected: readonly string[]): string[] {
  const text = typeof shown === 'string' ? shown : JSON.stringify(shown);
  return expected.filter((t) => !text.includes(t));
}
