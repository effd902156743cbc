/**
 * A decided measure (åtgärd, policy 5): something a person must do by a date,
 * from an incident or decided on its own, followed up until it is done.
 */

export type MeasureStatus = 'open' | 'started' | 'done';

/** Where a measure came from, for the card and the annual report. */
export type MeasureOrigin =
  | { kind: 'manual' }
  | { kind: 'incident'; incidentNumber: string }
  /** A deviation found by a recurring control (`controlId`: the control instance's id). */
  | { kind: 'control'; controlId: string }
  /** Decided in the owner's answer to a threat-analysis reminder. */
  | { kind: 'threat-analysis'; systemId: string }
  /** An approved exception (undantag) that ran out: correct it, or ask for a new one. */
  | { kind: 'exception'; approvalId: string }
  /** A condition of an approval (Godkänn med villkor). */
  | { kind: 'approval'; approvalId: string };

/** Who "decided" a measure the bot made itself (an exception that ran out). */
export const SYSTEM_ACTOR = 'system';

export type MeasureOriginKind = MeasureOrigin['kind'];

/** The owner asked for more time: the new date waits for the decider. */
export interface ExtensionRequest {
  dueDate: string;
  reason: string;
  requestedAt: Date;
}

export interface Measure {
  id: string;
  title: string;
  /** What to do. */
  description: string;
  /** The owner's person id in the organisation file. */
  ownerId: string;
  /** YYYY-MM-DD, in the organisation's time zone. */
  dueDate: string;
  systemId: string | null;
  origin: MeasureOrigin;
  status: MeasureStatus;
  createdByAadObjectId: string;
  createdByName: string;
  createdAt: Date;
  updatedAt: Date;
  doneAt: Date | null;
  /** What was done, as the owner wrote it. */
  doneComment: string | null;
  extension: ExtensionRequest | null;
  /** Times the due date was moved on an approved request. */
  extensions: number;
  version: number;
}

export const MEASURE_LIMITS = {
  title: 120,
  description: 4000,
  comment: 2000,
  /** The latest due date a measure may have, in years from today. */
  yearsAhead: 3,
} as const;

export const isOpen = (m: Pick<Measure, 'status'>): boolean => m.status !== 'done';
