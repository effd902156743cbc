import type { HandlerContext } from './handler-context.js';

export interface Command {
  id: string;
  /** Swedish name first, then the English alias. Matched case-insensitively, with or without '/'. */
  names: string[];
  handle(ctx: HandlerContext): Promise<void>;
}
