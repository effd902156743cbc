import type { Kysely } from 'kysely';
import { createRegisterRepository } from '../../src/approvals/approval.repository.js';
import { createOrgDirectory, type OrgDirectory } from '../../src/org/domain/org.directory.js';
import { applyRegisterChanges } from '../../src/org/domain/register.js';
import { loadOrganisationFile } from '../../src/org/org.load.js';
import type { Database } from '../../src/platform/db/database.js';
import type { Sender } from './activities.js';

/** An incident as the tests check it: the stored row and its report clocks. */
export interface StoredIncident {
  id: string;
  number: string;
  status: string;
  severity: string;
  version: number;
  assigneeAadObjectId: string | null;
  reports: { kind: string; status: string; dueAt: string }[];
}

/** A person as the bot stored them from Teams activities. */
export interface StoredPerson {
  tenantId: string;
  personId: string | null;
  locale: string | null;
  conversationId: string | null;
  conversationReference: string | null;
  installed: boolean;
  unreachableAt: string | null;
}

/** A measure as the tests check it. */
export interface StoredMeasure {
  title: string;
  ownerId: string;
  dueDate: string;
  origin: string;
  /** The incident number, control, system or approval it came from. */
  originRef: string | null;
  status: string;
}

export interface StoredQuestion {
  text: string;
  matchedRuleId: string | null;
  askerName: string;
  answer: { text: string; byName: string | null } | null;
}

/**
 * What the bot stored, read straight from its database, so tests do not depend on
 * how the app wires its services.
 */
export function queriesOn(db: Kysely<Database>, orgFile: string) {
  async function incident(id: string): Promise<StoredIncident | undefined> {
    const row = await db.selectFrom('incident').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const reports = await db
      .selectFrom('incident_report')
      .select(['kind', 'status', 'due_at'])
      .where('incident_id', '=', id)
      .orderBy('due_at')
      .orderBy('kind')
      .execute();
    return {
      id: row.id,
      number: row.number,
      status: row.status,
      severity: row.severity,
      version: row.version,
      assigneeAadObjectId: row.assignee_aad_object_id,
      reports: reports.map((r) => ({ kind: r.kind, status: r.status, dueAt: r.due_at })),
    };
  }

  return {
    incident,

    /** The stored measures of one origin (`manual`, `incident`, `control`, …), by title. */
    async measuresFrom(origin: string, originRef?: string): Promise<StoredMeasure[]> {
      let query = db.selectFrom('measure').selectAll().where('origin_kind', '=', origin);
      if (originRef !== undefined) query = query.where('origin_ref', '=', originRef);
      const rows = await query.orderBy('title').execute();
      return rows.map((r) => ({
        title: r.title,
        ownerId: r.owner_id,
        dueDate: r.due_date,
        origin: r.origin_kind,
        originRef: r.origin_ref,
        status: r.status,
      }));
    },

    /** The incidents this person reported, oldest first. */
    async incidentsOf(reporter: Sender): Promise<StoredIncident[]> {
      const rows = await db
        .selectFrom('incident')
        .select('id')
        .where('reporter_aad_object_id', '=', reporter.aadObjectId.toLowerCase())
        .orderBy('created_at')
        .orderBy('number')
        .execute();
      const found = await Promise.all(rows.map((r) => incident(r.id)));
      return found.filter((i): i is StoredIncident => i !== undefined);
    },

    async incidentNumbered(number: string): Promise<StoredIncident | undefined> {
      const row = await db
        .selectFrom('incident')
        .select('id')
        .where('number', '=', number)
        .executeTakeFirst();
      return row ? incident(row.id) : undefined;
    },

    async outboxRow(dedupeKey: string) {
      return db
        .selectFrom('outbox')
        .select([
          'id',
          'status',
          'attempts',
          'last_error',
          'recipient_aad_object_id',
          'next_attempt_at',
          'sent_as_fallback',
        ])
        .where('dedupe_key', '=', dedupeKey)
        .executeTakeFirst();
    },

    /** The audit actions recorded about one object, in order. */
    async auditActions(objectType: string, objectId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('audit_log')
        .select('action')
        .where('object_type', '=', objectType)
        .where('object_id', '=', objectId)
        .orderBy('at')
        .orderBy('id')
        .execute();
      return rows.map((r) => r.action);
    },

    /** Every audit event one person caused, in order, with its object and details. */
    async auditByActor(who: Sender): Promise<StoredAuditEvent[]> {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('actor', '=', who.aadObjectId.toLowerCase())
        .orderBy('at')
        .orderBy('id')
        .execute();
      return rows.map(toAuditEvent);
    },

    async person(who: Sender): Promise<StoredPerson | undefined> {
      const row = await db
        .selectFrom('person')
        .selectAll()
        .where('aad_object_id', '=', who.aadObjectId.toLowerCase())
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        tenantId: row.tenant_id,
        personId: row.person_id,
        locale: row.locale,
        conversationId: row.conversation_id,
        conversationReference: row.conversation_reference,
        installed: row.installed === 1,
        unreachableAt: row.unreachable_at,
      };
    },

    async rulesQuestion(id: string): Promise<StoredQuestion | undefined> {
      const row = await db
        .selectFrom('rules_question')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        text: row.text,
        matchedRuleId: row.matched_rule_id,
        askerName: row.asker_name,
        answer: row.answer === null ? null : { text: row.answer, byName: row.answered_by_name },
      };
    },

    /** The ids of the approvals this person requested. */
    async approvalsOf(requester: Sender): Promise<string[]> {
      const rows = await db
        .selectFrom('approval')
        .select('id')
        .where('requester_aad_object_id', '=', requester.aadObjectId.toLowerCase())
        .execute();
      return rows.map((r) => r.id);
    },

    /** The register as the organisation file plus the changes stored by concluded approvals. */
    async register(): Promise<OrgDirectory> {
      const changes = await createRegisterRepository(db).all();
      return createOrgDirectory(applyRegisterChanges(loadOrganisationFile(orgFile), changes));
    },
  };
}

export type Queries = ReturnType<typeof queriesOn>;

export interface StoredAuditEvent {
  actor: string;
  action: string;
  objectType: string;
  objectId: string;
  details: unknown;
}

function toAuditEvent(row: {
  actor: string;
  action: string;
  object_type: string;
  object_id: string;
  details: string | null;
}): StoredAuditEvent {
  return {
    actor: row.actor,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    details: row.details ? (JSON.parse(row.details) as unknown) : undefined,
  };
}
