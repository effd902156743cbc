import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/**
 * Ids that sort in creation order within a process (time, then a counter), with
 * randomness so instances do not collide. Used where rows with the same timestamp
 * must keep their order, as audit events made by one action do.
 */
export function sortableId(): string {
  const ms = Date.now();
  counter = ms === lastMs ? counter + 1 : 0;
  lastMs = ms;
  return `${ms.toString(36).padStart(9, '0')}-${counter.toString(36).padStart(4, '0')}-${randomBytes(6).toString('hex')}`;
}
