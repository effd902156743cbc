import type { Selectable } from 'kysely';

/** An occurrence that was enqueued: its key (reminder, recipient, local date) is the primary key. */
export interface ReminderOccurrenceTable {
  reminder_id: string;
  /** Org file person id, or the aadObjectId of staff not listed there. */
  recipient_key: string;
  local_date: string;
  kind: string;
  recipient_aad_object_id: string;
  due_at: string;
  send_at: string;
  /** 1 when it was sent after downtime, later than its time. */
  late: number;
  dedupe_key: string;
  recorded_at: string;
}

export interface GoalTable {
  id: string;
  year: number;
  title: string;
  what: string;
  deadline: string;
  responsible: string;
  resources: string;
  /** JSON array of ISO dates. */
  follow_up: string;
  reporting: string | null;
  staff_information: string;
  /** 'org-file' for goals seeded from the organisation file. */
  source: string;
  created_at: string;
  updated_at: string;
}

export interface GoalFollowUpTable {
  id: string;
  goal_id: string;
  checkpoint: string;
  status: string;
  comment: string | null;
  answered_by: string;
  answered_by_name: string;
  answered_at: string;
}

export interface ThreatReviewTable {
  system_id: string;
  /** Local date of the reminder occurrence the confirmation answers. */
  checkpoint: string;
  confirmed_by: string;
  confirmed_by_name: string;
  comment: string | null;
  confirmed_at: string;
  /** What changed, when the owner said the threat picture had changed. */
  threats: string | null;
  vulnerabilities: string | null;
  consequences: string | null;
  /** The measure the review led to. */
  measure_id: string | null;
}

export interface AwarenessAckTable {
  /** Local date of the awareness occurrence ("Jag har läst och förstått" for that year's message). */
  campaign: string;
  aad_object_id: string;
  recipient_key: string;
  acknowledged_at: string;
}

export interface ReminderTables {
  reminder_occurrence: ReminderOccurrenceTable;
  goal: GoalTable;
  goal_follow_up: GoalFollowUpTable;
  threat_review: ThreatReviewTable;
  awareness_ack: AwarenessAckTable;
}

export type GoalRow = Selectable<GoalTable>;
export type GoalFollowUpRow = Selectable<GoalFollowUpTable>;
export type ThreatReviewRow = Selectable<ThreatReviewTable>;
