import type { ColumnType, Selectable } from 'kysely';
import type { ApprovalTables } from '../../approvals/index.js';
import type { IncidentTables } from '../../incidents/index.js';
import type { MeasureTables } from '../../measures/index.js';
import type { ReminderTables } from '../../reminders/index.js';
import type { RulesQaTables } from '../../rules/index.js';

/**
 * Row types, one interface per table. Timestamps are ISO-8601 UTC strings made in
 * application code; booleans are 0/1 integers; JSON is text. Both engines store
 * them the same way, so the queries are the same.
 */

export interface PersonTable {
  aad_object_id: string;
  tenant_id: string;
  /** Id in the organisation file, when the person is listed there. */
  person_id: string | null;
  name: string;
  locale: string | null;
  service_url: string | null;
  /** Teams user id (29:...), known once the person has written. */
  teams_user_id: string | null;
  conversation_id: string | null;
  /** JSON of the personal ConversationReference. */
  conversation_reference: string | null;
  /** 1 while the app is installed in the personal scope, 0 after uninstall. */
  installed: number;
  /** Set when Teams said 403/404 for this person's chat; cleared when they write again. */
  unreachable_at: string | null;
  unreachable_reason: string | null;
  created_at: string;
  updated_at: string;
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'unreachable';

export interface OutboxTable {
  id: string;
  dedupe_key: string;
  recipient_aad_object_id: string;
  tenant_id: string;
  /** JSON of the activity to send (an Adaptive Card attachment or text). */
  activity: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  /** Retried until this instant (messages with a legal or working deadline); null: the ordinary schedule. */
  deadline_at: string | null;
  /** What the message is, for the coordinators' list of undelivered messages. */
  purpose: OutboxPurpose | null;
  /** What it is about: an incident number, an approval's title. */
  subject: string | null;
  /** 1 when the last failure may clear by itself (5xx, 429, timeout, network error). */
  transient_failure: number | null;
  /** Times the periodic check put the failed message back in the queue. */
  requeues: number | null;
  /** When the coordinators were told the message could not be delivered. */
  reported_at: string | null;
  /** The short text sent instead when Teams refuses the card as too large (413); null: the outbox's own. */
  fallback_text: string | null;
  /** 1 when the message was sent as that text, not as the card it was. */
  sent_as_fallback: number | null;
}

/** Messages whose delivery has a deadline, by what they are. */
export type OutboxPurpose = 'incident-routing' | 'incident-deadline' | 'approval';

export interface AuditLogTable {
  id: string;
  at: string;
  /** aadObjectId of the person who acted, or 'system'. */
  actor: string;
  action: string;
  object_type: string;
  object_id: string;
  /** JSON; never tokens, never message text. */
  details: string | null;
}

/** Written by /healthz: the database takes writes. */
export interface HealthCheckTable {
  id: string;
  checked_at: string;
}

export interface Database
  extends IncidentTables, ApprovalTables, RulesQaTables, ReminderTables, MeasureTables {
  person: PersonTable;
  outbox: OutboxTable;
  audit_log: AuditLogTable;
  health_check: HealthCheckTable;
}

export type PersonRow = Selectable<PersonTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type { ColumnType };
