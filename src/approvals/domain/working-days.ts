import { localParts } from '../../platform/time.js';

/**
 * Whole working days (Monday to Friday, local calendar) after the day of `from` up
 * to and including the day of `to`. Public holidays are not counted out.
 */
export function workingDaysBetween(from: Date, to: Date, timeZone: string): number {
  const start = localParts(from, timeZone).date;
  const end = localParts(to, timeZone).date;
  const day = new Date(`${start}T12:00:00Z`);
  const last = new Date(`${end}T12:00:00Z`);
  let count = 0;
  while (day < last) {
    day.setUTCDate(day.getUTCDate() + 1);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}
