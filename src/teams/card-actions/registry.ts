import type { Command } from '../commands/command.js';
import type { CardAction } from './card-action.js';
import { commandRunAction } from './command-run.action.js';
import { approvalActions } from './approval.actions.js';
import { incidentActions } from './incident.actions.js';
import { reminderActions } from './reminder.actions.js';
import { rulesActions } from './rules.actions.js';

/** Every card verb, listed once. */
export function createCardActions(
  findCommand: (text: string) => Command | undefined,
): Map<string, CardAction> {
  const actions = [
    commandRunAction(findCommand),
    ...incidentActions,
    ...approvalActions,
    ...rulesActions,
    ...reminderActions,
  ] as CardAction[];
  return new Map(actions.map((a) => [a.verb, a]));
}
