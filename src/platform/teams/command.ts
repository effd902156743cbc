import type { HandlerContext, TurnScope } from './handler-context.js';

/** A typed command of one feature, written against that feature's dependencies. */
export interface Command<D> {
  id: string;
  /** Swedish name first, then the English alias. Matched case-insensitively, with or without '/'. */
  names: string[];
  /**
   * Answered in team channels and group chats too: it shows nothing about a person,
   * an incident or an approval. Any other command's answer goes to the person's personal chat.
   */
  shared?: boolean;
  handle(ctx: HandlerContext<D>): Promise<void>;
}

/** A command bound to its feature's dependencies, as the bot dispatches it. */
export interface BoundCommand {
  id: string;
  names: string[];
  shared?: boolean;
  handle(scope: TurnScope): Promise<void>;
}

export function bindCommand<D>(command: Command<D>, deps: D): BoundCommand {
  return {
    id: command.id,
    names: command.names,
    shared: command.shared,
    handle: (scope) => command.handle({ ...scope, deps }),
  };
}
