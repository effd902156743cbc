import type { Activity } from 'botbuilder';
import type { OutboxRow } from '../platform/db/database.js';
import { localeFrom } from '../platform/locale.js';
import { plainLine } from '../platform/teams/card-budget.js';
import { outboxStringsFor } from './outbox.strings.js';

/**
 * The short text sent instead of a card Teams refused as too large: the feature's own
 * when it gave one, else one made from what the row says it is (its purpose and subject,
 * the activity's `summary`), in the recipient's language. Plain text, with nothing of a
 * person's title that Teams would read as markdown.
 */
export function tooLargeFallbackText(
  row: Pick<OutboxRow, 'fallback_text' | 'purpose' | 'subject'>,
  refused: Partial<Activity>,
  recipientLocale: string | null,
): string {
  if (row.fallback_text) return row.fallback_text;
  const summary = typeof refused.summary === 'string' ? plainLine(refused.summary) : '';
  return outboxStringsFor(localeFrom(recipientLocale)).tooLarge(
    row.purpose,
    row.subject ? plainLine(row.subject, 120) : null,
    summary || null,
  );
}
