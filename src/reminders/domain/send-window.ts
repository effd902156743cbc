import {
  addDays,
  formatTime,
  isoWeekday,
  parseTime,
  wallClockAt,
  zonedInstant,
} from '../../platform/calendar.js';

/** When reminders may reach people: weekdays and local hours (quiet hours are the rest). */
export interface SendWindow {
  /** ISO weekday numbers, 1 = Monday ... 7 = Sunday. */
  days: ReadonlySet<number>;
  /** HH:mm, inclusive. */
  start: string;
  /** HH:mm, exclusive. */
  end: string;
}

/**
 * The first instant at or after `at` inside the window, on the wall clock of
 * `timeZone`. A reminder due in quiet hours waits for the window to open.
 */
export function nextInWindow(at: Date, window: SendWindow, timeZone: string): Date {
  const wallClock = wallClockAt(at, timeZone);
  const date = wallClock.toPlainDate();
  const time = formatTime(wallClock.toPlainTime());
  const start = parseTime(window.start);
  if (!start) return at;
  if (window.days.has(isoWeekday(date))) {
    if (time >= window.start && time < window.end) return at;
    if (time < window.start) return zonedInstant(date, start, timeZone);
  }
  for (let d = 1; d <= 7; d++) {
    const next = addDays(date, d);
    if (window.days.has(isoWeekday(next))) return zonedInstant(next, start, timeZone);
  }
  // A window with no days at all: never quiet rather than never sent.
  return at;
}

/** Parses "1-5" or "1,2,3,4,5" (1 = Monday ... 7 = Sunday). */
export function parseWeekdays(text: string): Set<number> | undefined {
  const days = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^\s*([1-7])(?:\s*-\s*([1-7]))?\s*$/.exec(part);
    if (!m) return undefined;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) return undefined;
    for (let d = from; d <= to; d++) days.add(d);
  }
  return days;
}
