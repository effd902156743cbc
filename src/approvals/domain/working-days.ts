import { Temporal } from 'temporal-polyfill';
import { isoWeekday, localDate } from '../../platform/calendar.js';

/**
 * Whole working days (Monday to Friday, local calendar) after the day of `from` up
 * to and including the day of `to`. Public holidays are not counted out.
 */
export function workingDaysBetween(from: Date, to: Date, timeZone: string): number {
  const last = localDate(to, timeZone);
  let count = 0;
  for (
    let day = localDate(from, timeZone).add({ days: 1 });
    Temporal.PlainDate.compare(day, last) <= 0;
    day = day.add({ days: 1 })
  ) {
    if (isoWeekday(day) <= 5) count++;
  }
  return count;
}
