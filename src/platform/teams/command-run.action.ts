import { z } from 'zod';
import type { BoundCardAction } from './card-action.js';
import { defineCardAction, messageResponse, refusal } from './card-action.js';
import type { BoundCommand } from './command.js';
import type { TurnScope } from './handler-context.js';

/**
 * Runs a command where its answer belongs; returns the line for a shared chat when
 * the answer went (or must go) to the person's personal chat instead.
 */
export type CommandRunner = (
  command: BoundCommand,
  scope: TurnScope,
) => Promise<string | undefined>;

/**
 * A button that runs a command as if it had been typed (help card, answer cards).
 * The command answers with a new message; the card with the button stays as it was.
 * In a shared chat the command itself decides, as when typed, whether it answers there.
 */
export function commandRunAction(
  findCommand: (text: string) => BoundCommand | undefined,
  run: CommandRunner,
): BoundCardAction {
  const action = defineCardAction<undefined, { command: string }>({
    verb: 'command.run',
    shared: true,
    data: z.object({ command: z.string().min(1).max(50) }),
    async handle(ctx, data) {
      const command = findCommand(data.command);
      if (!command) return refusal('invalid-data', ctx.actor.strings.invalidAction);
      const elsewhere = await run(command, ctx);
      return messageResponse(elsewhere ?? ctx.actor.strings.commandStarted);
    },
  });
  return {
    verb: action.verb,
    shared: action.shared,
    handle: (scope, data) => action.handle({ ...scope, deps: undefined }, data),
  };
}
