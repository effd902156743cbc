import type { Command } from './command.js';
import { approvalsCommand, requestApprovalCommand } from '../../approvals/approval.commands.js';
import { helpCommand } from '../../help/help.command.js';
import { incidentCommand } from '../../incidents/incident.command.js';
import { myIncidentsCommand } from '../../incidents/my-incidents.command.js';
import { questionCommand } from '../../rules/question.command.js';
import { reminderCommands } from '../../reminders/reminder.commands.js';
import { rulesCommand } from '../../rules/rules.command.js';

/** Every command of docs/contracts.md, listed once. */
export const commands: Command[] = [
  helpCommand,
  incidentCommand,
  myIncidentsCommand,
  requestApprovalCommand,
  approvalsCommand,
  rulesCommand,
  ...reminderCommands,
];

/** Anything that is not a command is a question about the Användare rules. */
export { questionCommand };

/** Lower case, no leading '/', no trailing punctuation, single spaces, å/ä/ö also accepted as a/a/o. */
export function normaliseCommandText(text: string): string {
  return text
    .trim()
    .replace(/^\/+/, '')
    .replace(/[.!?]+$/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '');
}

export function createCommandMatcher(list: Command[]): (text: string) => Command | undefined {
  const byName = new Map<string, Command>();
  for (const command of list) {
    for (const name of command.names) {
      byName.set(name, command);
      byName.set(foldDiacritics(name), command);
    }
  }
  return (text) => {
    const normalised = normaliseCommandText(text);
    return byName.get(normalised) ?? byName.get(foldDiacritics(normalised));
  };
}
