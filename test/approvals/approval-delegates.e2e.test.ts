import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { GROUP_CHAT, people, personalConversationId, searchInvoke } from '../support/activities.js';
import { sqliteEngine } from '../support/engines.js';
import { cardOf, TEAMS_MESSAGE_LIMIT_BYTES, textOf } from '../support/fake-connector.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const { lars, olof } = people;
const STAFF = 3000;

/**
 * A municipality's organisation file lists thousands of people. The approval card
 * listed every one of them as a possible delegate: with 3 000 people the card was
 * some 200 KB, far over what Teams takes, so the approver never got it. Now the card
 * offers the people with a role and finds anyone else by typing (Teams' typeahead).
 */
describe('delegating an approval in a large organisation', () => {
  let app: TestApp;
  let dir: string;
  let approvalId: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'delegates-'));
    const org = parse(readFileSync('config/org.example.yaml', 'utf8')) as {
      people: Record<string, unknown>[];
    };
    for (let i = 0; i < STAFF; i++)
      org.people.push({
        id: `staff-${i}`,
        name: `Medarbetare ${i} Ström`,
        title: 'Handläggare',
        aadObjectId: `30000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
      });
    org.people.push({
      id: 'asa',
      name: 'Åsa Öberg',
      title: 'Nämndsekreterare',
      aadObjectId: '30000000-0000-0000-0000-999999999999',
    });
    const orgFile = path.join(dir, 'org.yaml');
    writeFileSync(orgFile, stringify(org));
    app = await startTestApp({ engine: sqliteEngine, env: { ORG_FILE: orgFile } });
    await app.introduce(lars, olof);
    const [form] = await app.as(lars).say('begär godkännande');
    const answer = await app.as(lars).click(form!, 'Skicka begäran', {
      type: 'driftgodkannande',
      subject: 'system:ekonomi',
      title: 'Ny integration',
      justification: 'Underlaget är granskat.',
    });
    approvalId = /"approvalId":"([0-9a-f-]{36})"/.exec(JSON.stringify(answer.value))![1]!;
  });
  afterAll(async () => {
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const olofsCard = async () => {
    const delivered = (await app.inboxOf(olof)).filter((c) => textOf(c).includes(approvalId));
    return delivered.at(-1)!;
  };

  it('sends the approver a card that fits in Teams, with at most 15 people to pick without typing', async () => {
    const call = await olofsCard();
    const card = cardOf(call)!;
    expect(Buffer.byteLength(JSON.stringify(call.body))).toBeLessThan(TEAMS_MESSAGE_LIMIT_BYTES);
    const picker = JSON.stringify(card).match(/"id":"delegateTo".*?\]/)?.[0] ?? '';
    const listed = picker.match(/"value":"/g) ?? [];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length).toBeLessThanOrEqual(15);
    expect(picker).not.toContain('staff-');
  });

  it('finds anyone by typing, å/ä/ö or not, at most 15, and delegates to the one picked', async () => {
    const card = await olofsCard();
    const found = await app.as(olof).search(card, 'delegateTo', 'asa oberg');
    expect(found).toEqual([{ title: 'Åsa Öberg (Nämndsekreterare)', value: 'asa' }]);
    expect(await app.as(olof).search(card, 'delegateTo', 'ström')).toHaveLength(15);
    expect(await app.as(olof).search(card, 'delegateTo', 'medarbetare 2999')).toEqual([
      { title: 'Medarbetare 2999 Ström (Handläggare)', value: 'staff-2999' },
    ]);
    const answer = await app.as(olof).click(card, 'Delegera', { delegateTo: 'asa' });
    expect(JSON.stringify(answer.value)).toContain('delegerat till Åsa Öberg');
  });

  it('sends a request form that fits in Teams, where a proposed owner is found by typing', async () => {
    const [form] = await app.as(lars).say('begär godkännande');
    expect(Buffer.byteLength(JSON.stringify(form!.body))).toBeLessThan(TEAMS_MESSAGE_LIMIT_BYTES);
    expect(await app.as(lars).search(form!, 'proposedOwner', 'öberg')).toEqual([
      { title: 'Åsa Öberg (Nämndsekreterare)', value: 'asa' },
    ]);
    const answer = await app.as(lars).click(form!, 'Skicka begäran', {
      type: 'utse-systemagare',
      subject: 'system:lon',
      proposedOwner: 'asa',
      title: 'Ny systemägare för lönesystemet',
      justification: 'Åsa tar över förvaltningen.',
    });
    expect(JSON.stringify(answer.value)).toContain('Åsa Öberg');
    expect(JSON.stringify(answer.value)).toContain('approvalId');
  });

  it('answers no names in a shared chat, for an unknown dataset or for malformed searches, and keeps running', async () => {
    const results = async (value: unknown, options: Record<string, unknown> = {}) => {
      const activity = {
        ...searchInvoke(olof, 'people', 'asa', { serviceUrl: app.connector.url, ...options }),
        value,
      };
      const response = await app.post(activity);
      return { status: response.status, body: response.body };
    };
    const shared = await results(
      { queryText: 'asa', dataset: 'people' },
      { conversationId: GROUP_CHAT.id, conversationType: 'groupChat' },
    );
    expect(JSON.parse(shared.body).value.results).toEqual([]);
    const unknown = await results({ queryText: 'asa', dataset: 'secrets' });
    expect(JSON.parse(unknown.body).value.results).toEqual([]);
    for (const bad of [
      { queryText: 'asa', dataset: 'people', queryOptions: { top: 'all' } },
      { queryText: 42, dataset: 'people' },
      { queryText: 'x'.repeat(50_000), dataset: 'people' },
      { queryText: 'asa', dataset: ['people'] },
    ]) {
      const answer = await results(bad);
      expect(answer.status, JSON.stringify(bad).slice(0, 80)).toBe(200);
      expect(JSON.parse(answer.body).value.results).toEqual([]);
    }
    // Still answering: the picker on the card works as before.
    expect(await app.as(olof).search(await olofsCard(), 'delegateTo', 'åsa')).toHaveLength(1);
    expect(
      app.connector
        .deliveredTo(personalConversationId(olof))
        .some((c) => textOf(c).includes('Åsa')),
    ).toBe(false);
  });
});
