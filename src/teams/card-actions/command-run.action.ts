import { z } from 'zod';
import { renderHelpCard } from '../commands/help.command.js';
import type { Command } from '../commands/command.js';
import { cardResponse, defineCardAction, messageResponse } from './card-action.js';

/** A help-card button: runs the named command as if it had been typed; the help card stays as it was. */
export function commandRunAction(findCommand: (text: string) => Command | undefined) {
  return defineCardAction({
    verb: 'command.run',
    data: z.object({ command: z.string().min(1).max(50) }),
    async handle(ctx, data) {
      const command = findCommand(data.command);
      if (!command) return messageResponse(ctx.actor.strings.invalidAction);
      await command.handle(ctx);
      return cardResponse(renderHelpCard(ctx).content as Record<string, unknown>);
    },
  });
}
