import type { Executor } from '../platform/db/executor.js';
import type { PersonRow } from '../platform/db/database.js';

/** A person as the bot knows them from Teams: who they are and how to reach them. */
export interface KnownPerson {
  aadObjectId: string;
  tenantId: string;
  personId: string | null;
  name: string;
  locale: string | null;
  serviceUrl: string | null;
  teamsUserId: string | null;
  conversationId: string | null;
  conversationReference: string | null;
  installed: boolean;
  unreachableAt: Date | null;
}

export interface PersonSighting {
  aadObjectId: string;
  tenantId: string;
  personId: string | null;
  name: string;
  locale: string | null;
  serviceUrl: string;
  teamsUserId: string | null;
  /** Present only for the personal (1:1) conversation. */
  personalConversation?: { id: string; reference: string };
}

export function personRowToKnownPerson(row: PersonRow): KnownPerson {
  return {
    aadObjectId: row.aad_object_id,
    tenantId: row.tenant_id,
    personId: row.person_id,
    name: row.name,
    locale: row.locale,
    serviceUrl: row.service_url,
    teamsUserId: row.teams_user_id,
    conversationId: row.conversation_id,
    conversationReference: row.conversation_reference,
    installed: row.installed === 1,
    unreachableAt: row.unreachable_at ? new Date(row.unreachable_at) : null,
  };
}

export type PersonRepository = ReturnType<typeof createPersonRepository>;

export function createPersonRepository(db: Executor) {
  return {
    async find(aadObjectId: string): Promise<KnownPerson | undefined> {
      const row = await db
        .selectFrom('person')
        .selectAll()
        .where('aad_object_id', '=', aadObjectId.toLowerCase())
        .executeTakeFirst();
      return row ? personRowToKnownPerson(row) : undefined;
    },

    /**
     * Records that a person wrote to the bot (or installed it): refreshes name, locale
     * and, for the personal chat, the conversation reference. Writing again makes an
     * unreachable person reachable.
     */
    async saw(sighting: PersonSighting, at: Date): Promise<void> {
      const now = at.toISOString();
      const aad = sighting.aadObjectId.toLowerCase();
      const personal = sighting.personalConversation;
      const common = {
        tenant_id: sighting.tenantId,
        person_id: sighting.personId,
        name: sighting.name,
        locale: sighting.locale,
        service_url: sighting.serviceUrl,
        teams_user_id: sighting.teamsUserId,
        updated_at: now,
      };
      const conversation = personal
        ? {
            conversation_id: personal.id,
            conversation_reference: personal.reference,
            installed: 1,
            unreachable_at: null,
            unreachable_reason: null,
          }
        : {};
      const known = await db
        .selectFrom('person')
        .selectAll()
        .where('aad_object_id', '=', aad)
        .executeTakeFirst();
      // Most turns come from someone the bot already knows as they are: no write then,
      // so a turn does not wait for the write lock (SQLite) or a row lock (PostgreSQL).
      if (known && unchanged(known, { ...common, ...conversation })) return;
      await db
        .insertInto('person')
        .values({
          aad_object_id: aad,
          ...common,
          conversation_id: personal?.id ?? null,
          conversation_reference: personal?.reference ?? null,
          installed: personal ? 1 : 0,
          unreachable_at: null,
          unreachable_reason: null,
          created_at: now,
        })
        .onConflict((oc) => oc.column('aad_object_id').doUpdateSet({ ...common, ...conversation }))
        .execute();
    },

    async markUninstalled(aadObjectId: string, at: Date): Promise<void> {
      await db
        .updateTable('person')
        .set({ installed: 0, updated_at: at.toISOString() })
        .where('aad_object_id', '=', aadObjectId.toLowerCase())
        .execute();
    },

    async markUnreachable(aadObjectId: string, reason: string, at: Date): Promise<void> {
      await db
        .updateTable('person')
        .set({
          unreachable_at: at.toISOString(),
          unreachable_reason: reason,
          updated_at: at.toISOString(),
        })
        .where('aad_object_id', '=', aadObjectId.toLowerCase())
        .execute();
    },

    /** Someone vouches the person has the app again: messages to them are tried again. */
    async markReachable(aadObjectId: string, at: Date): Promise<void> {
      await db
        .updateTable('person')
        .set({ unreachable_at: null, unreachable_reason: null, updated_at: at.toISOString() })
        .where('aad_object_id', '=', aadObjectId.toLowerCase())
        .execute();
    },

    /** After the bot created a personal chat on its own initiative. */
    async saveConversation(
      aadObjectId: string,
      tenantId: string,
      conversation: { id: string; reference: string; serviceUrl: string },
      at: Date,
    ): Promise<void> {
      const now = at.toISOString();
      await db
        .insertInto('person')
        .values({
          aad_object_id: aadObjectId.toLowerCase(),
          tenant_id: tenantId,
          person_id: null,
          name: '',
          locale: null,
          service_url: conversation.serviceUrl,
          teams_user_id: null,
          conversation_id: conversation.id,
          conversation_reference: conversation.reference,
          installed: 1,
          unreachable_at: null,
          unreachable_reason: null,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.column('aad_object_id').doUpdateSet({
            conversation_id: conversation.id,
            conversation_reference: conversation.reference,
            service_url: conversation.serviceUrl,
            installed: 1,
            updated_at: now,
          }),
        )
        .execute();
    },

    /** The service URL Teams used most recently in this tenant: where to create new chats. */
    async latestServiceUrl(tenantId: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('person')
        .select('service_url')
        .where('tenant_id', '=', tenantId)
        .where('service_url', 'is not', null)
        .orderBy('updated_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.service_url ?? undefined;
    },
  };
}

/** Whether storing `update` would change nothing but `updated_at`. */
function unchanged(row: PersonRow, update: Partial<PersonRow>): boolean {
  return Object.entries(update).every(
    ([column, value]) => column === 'updated_at' || row[column as keyof PersonRow] === value,
  );
}
