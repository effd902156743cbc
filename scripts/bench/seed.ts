import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { parseDatabaseUrl } from '../../src/platform/config.js';
import { openDatabase } from '../../src/platform/db/dialect.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { fromRoot } from '../../src/platform/paths.js';
import { benchUser, TENANT } from './load.js';

/** A year of data for `npm run bench`: the organisation file and the database rows. */

export interface Scale {
  people: number;
  incidents: number;
  approvals: number;
}

/** The people who decide in the card-action benchmark: one system each. */
export const OWNERS = 20;
export const ownerUser = (i: number) => ({
  aadObjectId: `40000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
  name: `Systemägare ${i}`,
});
export const ownerSystem = (i: number) => `bench-system-${i}`;

/** The example organisation with `people` more staff and OWNERS more systems, each with its own owner. */
export function writeBenchOrg(file: string, people: number): void {
  const org = parse(readFileSync(fromRoot('config', 'org.example.yaml'), 'utf8')) as {
    people: Record<string, unknown>[];
    systems: Record<string, unknown>[];
  };
  for (let i = 0; i < people; i++) {
    const user = benchUser(i);
    org.people.push({ id: `staff-${i}`, name: user.name, aadObjectId: user.aadObjectId });
  }
  for (let i = 0; i < OWNERS; i++) {
    const owner = ownerUser(i);
    org.people.push({ id: `owner-${i}`, name: owner.name, aadObjectId: owner.aadObjectId });
    org.systems.push({
      id: ownerSystem(i),
      name: `Verksamhetssystem ${i}`,
      owner: `owner-${i}`,
      samhallsviktigt: false,
      committee: 'kommunstyrelsen',
    });
  }
  writeFileSync(file, stringify(org));
}

/**
 * A person as the bot knows them after they wrote to it in their personal chat: the
 * conversation reference points at the benchmark's connector.
 */
export function knownPersonRow(
  user: { aadObjectId: string; name: string },
  serviceUrl: string,
  options: { personId: string | null; locale: string },
  now: string,
) {
  const conversationId = `a:bench-${user.aadObjectId}`;
  return {
    aad_object_id: user.aadObjectId,
    tenant_id: TENANT,
    person_id: options.personId,
    name: user.name,
    locale: options.locale,
    service_url: serviceUrl,
    teams_user_id: `29:${user.aadObjectId}`,
    conversation_id: conversationId,
    conversation_reference: JSON.stringify({
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: conversationId, conversationType: 'personal', tenantId: TENANT },
      user: { id: `29:${user.aadObjectId}`, aadObjectId: user.aadObjectId },
      bot: { id: '28:bench-bot', name: 'IT-säkerhet' },
    }),
    installed: 1,
    unreachable_at: null,
    unreachable_reason: null,
    created_at: now,
    updated_at: now,
  };
}

const CATEGORIES = ['natfiske', 'skadlig-kod', 'forlorad-utrustning', 'driftstorning', 'ovrigt'];

/** Migrates, then inserts the people's chats, the incidents of a year and the approvals. */
export async function seedDatabase(url: string, serviceUrl: string, scale: Scale): Promise<void> {
  const db = openDatabase(parseDatabaseUrl(url));
  try {
    await migrateToLatest(db);
    const k = db.kysely;
    const yearStart = Date.parse('2026-01-01T08:00:00Z');
    const spread = Date.parse('2026-11-30T08:00:00Z') - yearStart;
    const at = (i: number, n: number) => new Date(yearStart + (spread * i) / n).toISOString();
    const batch = async <T>(rows: T[], insert: (slice: T[]) => Promise<unknown>) => {
      for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
    };
    const now = new Date().toISOString();
    await batch(
      Array.from({ length: scale.people }, (_, i) =>
        knownPersonRow(benchUser(i), serviceUrl, { personId: `staff-${i}`, locale: 'sv-SE' }, now),
      ),
      (rows) => k.insertInto('person').values(rows).execute(),
    );
    await batch(
      Array.from({ length: scale.incidents }, (_, i) => {
        const reporter = benchUser(i % Math.max(1, scale.people));
        const created = at(i, scale.incidents);
        const open = i >= scale.incidents - 200;
        return {
          id: randomUUID(),
          number: `INC-2026-${String(i + 1).padStart(4, '0')}`,
          year: 2026,
          sequence: i + 1,
          tenant_id: TENANT,
          reporter_aad_object_id: reporter.aadObjectId,
          reporter_name: reporter.name,
          submission_id: randomUUID(),
          title: `Misstänkt nätfiske ${i + 1}`,
          category: CATEGORIES[i % CATEGORIES.length]!,
          system_id: i % 3 === 0 ? 'ekonomi' : null,
          discovered_at: created,
          started_at: null,
          ended_at: null,
          supplier: null,
          description: 'Ett mejl med en länk till en falsk inloggningssida. Ingen klickade.',
          personal_data: 'nej',
          severity: i % 10 === 0 ? 'hog' : 'lag',
          status: open ? 'mottagen' : 'avslutad',
          assignee_aad_object_id: null,
          assignee_name: null,
          version: 3,
          created_at: created,
          updated_at: created,
        };
      }),
      (rows) => k.insertInto('incident').values(rows).execute(),
    );
    if (scale.incidents > 0)
      await k
        .insertInto('incident_counter')
        .values({ year: 2026, last_sequence: scale.incidents })
        .execute();
    const approvals = Array.from({ length: scale.approvals }, (_, i) => {
      const requester = benchUser(i % Math.max(1, scale.people));
      const created = at(i, scale.approvals);
      return {
        id: randomUUID(),
        type: 'driftgodkannande',
        subject_kind: 'system',
        subject_id: 'ekonomi',
        title: `Ny integration ${i + 1}`,
        justification: 'Underlaget är granskat.',
        link: null,
        proposed_owner_id: null,
        requester_aad_object_id: requester.aadObjectId,
        requester_name: requester.name,
        tenant_id: TENANT,
        submission_id: randomUUID(),
        status: 'approved',
        current_step: 0,
        version: 2,
        created_at: created,
        updated_at: created,
      };
    });
    await batch(approvals, (rows) => k.insertInto('approval').values(rows).execute());
    await batch(
      approvals.map((a) => ({
        approval_id: a.id,
        step_index: 0,
        role: 'systemOwner',
        approver_ids: JSON.stringify(['olof']),
        delegate_aad_object_id: null,
        delegate_name: null,
        delegated_by: null,
        decision: 'approved',
        decided_by_aad_object_id: '00000000-0000-0000-0000-0000000000a5',
        decided_by_name: 'Olof Strand',
        decided_at: a.created_at,
        comment: null,
        started_at: a.created_at,
      })),
      (rows) => k.insertInto('approval_step').values(rows).execute(),
    );
  } finally {
    await db.close();
  }
}
