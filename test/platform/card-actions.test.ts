import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { approvalListCard } from '../../src/approvals/approval-list.card.js';
import { approvalStringsFor } from '../../src/approvals/approval.strings.js';
import { approvalCard } from '../../src/approvals/approval.card.js';
import { features } from '../../src/composition.js';
import { helpCard, helpCardData } from '../../src/help/help.card.js';
import type { IncidentRole } from '../../src/incidents/domain/incident.access.js';
import { incidentCard } from '../../src/incidents/incident.card.js';
import { incidentListCard } from '../../src/incidents/incident-list.card.js';
import { incidentReceiptCard } from '../../src/incidents/incident-receipt.card.js';
import { incidentFormCard } from '../../src/incidents/incident-form.card.js';
import { incidentStringsFor } from '../../src/incidents/incident.strings.js';
import { fromRoot } from '../../src/platform/paths.js';
import { stringsFor } from '../../src/platform/strings.js';
import type { CardJson } from '../../src/platform/teams/render.js';
import { approvalCardSamples, sampleApproval } from '../support/approval-samples.js';
import { exampleOrg, sampleIncident } from '../support/incident-samples.js';
import { extraReminderCards, reminderCardSamples } from '../support/reminder-samples.js';
import { rulesCardVariants } from '../support/rules-samples.js';
import { declaredButtons, refreshOf } from '../support/teams-client.js';

/** The verb every feature's command buttons use; the bot itself handles it. */
const PLATFORM_VERBS = ['command.run'];
const handled = new Set([...PLATFORM_VERBS, ...features.flatMap((f) => f.verbs)]);
const commandNames = new Set(features.flatMap((f) => f.commands.flatMap((c) => c.names)));

const incidentSv = incidentStringsFor('sv');
const approvalSv = approvalStringsFor('sv');
const karin = exampleOrg.personById('karin')!.aadObjectId;
const lars = exampleOrg.personById('lars')!.aadObjectId;

const incidentAs = (roles: IncidentRole[], viewer: string) =>
  incidentCard(incidentSv, exampleOrg, {
    incident: sampleIncident(),
    notes: [],
    history: [],
    viewerAadObjectId: viewer,
    roles,
    refreshUserIds: [],
    now: new Date('2026-11-29T10:00:00Z'),
  });

/** Every card builder in the states that change its buttons and inputs. */
const cards: Record<string, () => CardJson> = {
  help: () =>
    helpCard(helpCardData(stringsFor('sv'), 'Sjövik kommun', 'Anna', [])).content as CardJson,
  'incident-form': () =>
    incidentFormCard(incidentSv, exampleOrg, '6f1c1e9a-1111-4222-8333-444455556666', {}),
  'incident-receipt': () => incidentReceiptCard(incidentSv, exampleOrg, sampleIncident()),
  'incident for a coordinator': () => incidentAs(['sakerhetssamordnare'], lars),
  'incident for the kommunchef': () => incidentAs(['kommunchef'], karin),
  'incident for the dataskyddsombud': () =>
    incidentAs(['dataskyddsombud'], exampleOrg.personById('dina')!.aadObjectId),
  'incident for the reporter': () => incidentAs(['reporter'], sampleIncident().reporterAadObjectId),
  'incident list': () =>
    incidentListCard(
      incidentSv,
      'Europe/Stockholm',
      [{ heading: 'Dina rapporter', incidents: [sampleIncident()] }],
      (n) => `… och ${n} till.`,
    ),
  'approval-form': approvalCardSamples['approval-form'],
  'approval for the approver': approvalCardSamples.approval,
  'approval for the requester': () =>
    approvalCard(approvalSv, exampleOrg, {
      approval: sampleApproval(),
      history: [],
      viewerAadObjectId: lars,
      refreshUserIds: [],
    }),
  'approval list': () =>
    approvalListCard(approvalSv, exampleOrg, [sampleApproval()], [], (n) => `… och ${n} till.`),
  ...Object.fromEntries(
    Object.entries(rulesCardVariants()).map(([name, card]) => [name, () => card]),
  ),
  ...reminderCardSamples,
  ...extraReminderCards,
};

/** The verbs written into the templates themselves (not those a builder fills in). */
function literalVerbs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => literalVerbs(n, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'verb' && typeof value === 'string' && !value.includes('${')) found.push(value);
      else literalVerbs(value, found);
    }
  }
  return found;
}

describe('card buttons', () => {
  const templates = readdirSync(fromRoot('src'), { recursive: true, encoding: 'utf8' }).filter(
    (file) => path.basename(path.dirname(file)) === 'cards' && file.endsWith('.json'),
  );

  it.each(templates)('every verb written in %s is handled by a card action', (file) => {
    const template = JSON.parse(readFileSync(fromRoot('src', file), 'utf8')) as unknown;
    const unhandled = literalVerbs(template).filter((verb) => !handled.has(verb));
    expect(unhandled).toEqual([]);
  });

  it.each(Object.keys(cards))(
    'every button on the %s card has a handled verb and no data field an input overwrites',
    (name) => {
      const card = cards[name]!();
      const problems: string[] = [];
      for (const button of declaredButtons(card)) {
        if (!button.verb || !handled.has(button.verb))
          problems.push(`"${button.title}": no card action handles ${String(button.verb)}`);
        const overwritten = Object.keys(button.data).filter((key) => button.sends.includes(key));
        if (overwritten.length > 0)
          problems.push(
            `"${button.title}": the inputs ${overwritten.join(', ')} overwrite its data`,
          );
        if (button.verb === 'command.run' && !commandNames.has(String(button.data.command)))
          problems.push(`"${button.title}": no command ${String(button.data.command)}`);
      }
      const refresh = refreshOf(card);
      if (refresh && !handled.has(String(refresh.verb)))
        problems.push(`refresh: no card action handles ${String(refresh.verb)}`);
      expect(problems).toEqual([]);
    },
  );

  it('tells an overwritten data field and an unhandled verb apart from a good button', () => {
    const bad = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'Input.Text', id: 'status', label: 'Status' }],
      actions: [
        { type: 'Action.Execute', title: 'A', verb: 'incident.report', data: { status: 'made' } },
        {
          type: 'Action.Execute',
          title: 'B',
          verb: 'incident.report',
          data: { status: 'made' },
          associatedInputs: 'none',
        },
        { type: 'Action.Execute', title: 'C', verb: 'no.such.verb', data: {} },
      ],
    };
    const [a, b, c] = declaredButtons(bad);
    expect(a!.sends).toContain('status');
    expect(b!.sends).toEqual([]);
    expect(handled.has(c!.verb!)).toBe(false);
  });
});
