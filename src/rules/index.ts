import type { Core } from '../composition.js';
import { handlerDeps, serviceDeps, notifierDeps, type CoreTransaction } from '../unit-of-work.js';
import type { OrgDirectory } from '../org/index.js';
import type { Clock } from '../platform/clock.js';
import { fromRoot } from '../platform/paths.js';
import { defineFeature } from '../platform/teams/feature.js';
import type { RulesDeps, RulesStore } from './domain/rules-question.service.js';
import { createRulesNotifier } from './rules.notifier.js';
import { createRuleSearch } from './domain/rules.search.js';
import { questionCommand } from './question.command.js';
import { createRulesQuestionRepository } from './rules-question.repository.js';
import { rulesActions } from './rules.actions.js';
import { rulesCommand } from './rules.command.js';

export { AREA_IDS, AREA_TITLES } from './domain/rule.js';
export { DEFAULT_CONFIDENCE, createRuleSearch } from './domain/rules.search.js';
export type { Confidence, RuleMatch, RulesAnswer } from './domain/rules.search.js';
export type { RulesQaTables } from './rules-question.table.js';

export type { KnowledgeBase, Rule } from './domain/rule.js';
export { loadKnowledgeBase } from './domain/rules.load.js';
export { RulesFileError } from './domain/rules.parse.js';

/** Where the Användare rule files are edited by the coordinator. */
export const defaultRulesDirectory = () => fromRoot('content', 'anvandare');

/** What the rules handlers are given when the feature is built. */
export interface RulesFeatureDeps {
  readonly rules: RulesDeps;
  readonly org: OrgDirectory;
  readonly clock: Clock;
}

export function createRulesDeps(core: Core): RulesDeps {
  const { knowledgeBase } = core;
  const store = (tx: CoreTransaction): RulesStore => {
    const questions = createRulesQuestionRepository(tx.db);
    return {
      questions,
      audit: tx.audit,
      notifier: createRulesNotifier(notifierDeps(tx, { knowledgeBase, questions })),
    };
  };
  return Object.assign(serviceDeps(core, store), {
    knowledgeBase,
    search: createRuleSearch(knowledgeBase),
  });
}

/** Questions on the Användare rules, answered with the rule or forwarded to a coordinator. */
export const rules = defineFeature<Core, RulesFeatureDeps>({
  name: 'rules',
  commands: [rulesCommand],
  cardActions: rulesActions,
  fallback: questionCommand,
  deps: (core) => handlerDeps(core, { rules: createRulesDeps(core) }),
});
