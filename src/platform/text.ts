/**
 * Input hygiene, in one place: what people send is cleaned once, as the activity
 * arrives, before any feature stores or shows it.
 *
 * - NUL and the other C0/C1 control characters except tab, line feed and carriage
 *   return: PostgreSQL refuses NUL in text, and none of them is visible.
 * - The bidirectional controls (embeddings, overrides, isolates, marks): they make a
 *   title read differently from what it says ("gnissöl" shown as "lössing") on the
 *   cards coordinators act on.
 * - Lone surrogates become U+FFFD, and the text is composed (NFC), so "å" typed two
 *   ways is stored and searched one way.
 */
const INVISIBLE_CONTROLS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function cleanText(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd').replace(INVISIBLE_CONTROLS, '').normalize('NFC');
}

/** Deepest nesting cleaned; a card's data is a few levels deep, and the body is bounded. */
const MAX_DEPTH = 20;

/** `cleanText` applied to every string in a parsed JSON value (object keys are left as they are). */
export function cleanStrings(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => cleanStrings(item, depth + 1));
  const cleaned: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) cleaned[key] = cleanStrings(item, depth + 1);
  return cleaned;
}
