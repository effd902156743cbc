import type { OrgDirectory } from '../org/index.js';
import { localParts } from '../platform/calendar.js';
import { listCard } from '../platform/teams/list.card.js';
import { userText } from '../platform/teams/render.js';
import type { Measure } from './domain/measure.js';
import { daysBetween, ownerName } from './measure.card.js';
import type { MeasureStrings } from './measure.strings.js';

/**
 * `åtgärder`: the person's own measures and, for the säkerhetssamordnare and the
 * kommunchef, every open one, by owner and then the oldest first.
 */
export function measureListCard(
  strings: MeasureStrings,
  org: OrgDirectory,
  now: Date,
  mine: Measure[],
  allOpen: Measure[] | undefined,
  more: (hidden: number) => string,
) {
  const today = localParts(now, org.organisation.timezone).date;
  const item = (m: Measure) => ({
    data: { measureId: m.id },
    title: userText(m.title),
    subtitle: userText(
      strings.list.item(
        strings.statuses[m.status],
        m.dueDate,
        ownerName(m, org),
        Math.max(0, daysBetween(localParts(m.createdAt, org.organisation.timezone).date, today)),
      ),
    ),
  });
  const byOwnerThenAge = [...(allOpen ?? [])].sort(
    (a, b) =>
      ownerName(a, org).localeCompare(ownerName(b, org), 'sv') ||
      a.createdAt.getTime() - b.createdAt.getTime(),
  );
  return listCard({
    more,
    heading: strings.list.title,
    none: strings.list.none,
    openTitle: strings.list.open,
    openVerb: 'measure.open',
    sections: [
      { heading: strings.list.mine, items: mine.map(item) },
      ...(allOpen ? [{ heading: strings.list.allOpen, items: byOwnerThenAge.map(item) }] : []),
    ],
  });
}
