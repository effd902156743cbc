import { bindCardAction, type BoundCardAction, type CardAction } from './card-action.js';
import { bindCardSearch, type BoundCardSearch, type CardSearch } from './card-search.js';
import { bindCommand, type BoundCommand, type Command } from './command.js';
import type { OverviewContribution } from '../overview.js';

/** Work a feature wants done on a schedule; what is due is decided from the database each time. */
export type PeriodicTask =
  | { name: string; everySeconds: number; run(): Promise<unknown> }
  /** `cron: 'off'` declares the task without a timer: it runs only when asked (tests, the CLI). */
  | { name: string; cron: string | 'off'; timeZone: string; run(): Promise<unknown> };

/** What a built feature adds to the bot. */
export interface FeatureModule {
  name: string;
  commands: BoundCommand[];
  cardActions: BoundCardAction[];
  /** The datasets its cards' typeahead pickers search. */
  searches: BoundCardSearch[];
  periodic: PeriodicTask[];
  /** Answers a message that is no command (the rules feature: a question). */
  fallback?: BoundCommand;
  /** Sent after the welcome text when someone installs the app (the help card). */
  welcome?: BoundCommand;
  /** What it shows in the personal tab "Översikt". */
  overview?: OverviewContribution;
}

/**
 * A feature as its folder declares it: its handlers, written against its own
 * dependencies `D`, and how to make those from the shared core `C`.
 */
export interface FeatureDefinition<C, D> {
  name: string;
  commands?: Command<D>[];
  cardActions?: CardAction<D>[];
  searches?: CardSearch<D>[];
  fallback?: Command<D>;
  welcome?: Command<D>;
  deps(core: C): D | Promise<D>;
  periodic?(deps: D, core: C): PeriodicTask[];
  overview?(deps: D, core: C): OverviewContribution;
}

/** A feature the composition root can list: its command names and card verbs are known before it is built. */
export interface Feature<C> {
  name: string;
  commands: { id: string; names: string[]; shared?: boolean }[];
  /** The card verbs its card actions handle. */
  verbs: string[];
  build(core: C): Promise<FeatureModule>;
}

export function defineFeature<C, D>(definition: FeatureDefinition<C, D>): Feature<C> {
  return {
    name: definition.name,
    commands: (definition.commands ?? []).map(({ id, names, shared }) => ({ id, names, shared })),
    verbs: (definition.cardActions ?? []).map((a) => a.verb),
    async build(core) {
      const deps = await definition.deps(core);
      return {
        name: definition.name,
        commands: (definition.commands ?? []).map((c) => bindCommand(c, deps)),
        cardActions: (definition.cardActions ?? []).map((a) => bindCardAction(a, deps)),
        searches: (definition.searches ?? []).map((q) => bindCardSearch(q, deps)),
        periodic: definition.periodic?.(deps, core) ?? [],
        fallback: definition.fallback && bindCommand(definition.fallback, deps),
        welcome: definition.welcome && bindCommand(definition.welcome, deps),
        overview: definition.overview?.(deps, core),
      };
    },
  };
}
