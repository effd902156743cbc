import type { Command } from './command.js';
import type { CardAction } from './card-action.js';
import { commandRunAction } from './command-run.action.js';
import { approvalActions } from '../../approvals/approval.actions.js';
import { incidentActions } from '../../incidents/incident.actions.js';
import { reminderActions } from '../../reminders/reminder.actions.js';
import { rulesActions } from '../../rules/rules.actions.js';

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
