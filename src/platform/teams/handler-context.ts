import type { TurnContext } from 'botbuilder';
import type { Person, RoleName } from '../../org/index.js';
import type { AadObjectId } from '../identity.js';
import type { Locale, Strings } from '../strings.js';

/** The person behind the activity, as the server knows them (never from card data). */
export interface Actor {
  aadObjectId: AadObjectId | undefined;
  tenantId: string | undefined;
  name: string;
  /** Set when the person is listed in the organisation file. */
  person: Person | undefined;
  roles: RoleName[];
  locale: Locale;
  strings: Strings;
}

/** One turn as every handler sees it: the activity and who sent it. */
export interface TurnScope {
  turn: TurnContext;
  actor: Actor;
}

/** A feature's handler: the turn, plus what the feature was given when it was built. */
export interface HandlerContext<D> extends TurnScope {
  deps: D;
}
