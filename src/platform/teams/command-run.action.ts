import { z } from 'zod';
import type { BoundCardAction } from './card-action.js';
import { defineCardAction, messageResponse } from './card-action.js';
import type { BoundCommand } from './command.js';

/**
 * A button that runs a command as if it had been typed (help card, answer cards).
 * The command answers with a new message; the card with the button stays as it was.
 */
export function commandRunAction(
  findCommand: (text: string) => BoundCommand | undefined,
): BoundCardAction {
  const action = defineCardAction<undefined, { command: string }>({
    verb: 'command.run',
    data: z.object({ command: z.string().min(1).max(50) }),
    async handle(ctx, data) {
      const command = findCommand(data.command);
      if (!command) return messageResponse(ctx.actor.strings.invalidAction);
      await command.handle(ctx);
      return messageResponse(ctx.actor.strings.commandStarted);
    },
  });
  return {
    verb: action.verb,
    handle: (scope, data) => action.handle({ ...scope, deps: undefined }, data),
  };
}
