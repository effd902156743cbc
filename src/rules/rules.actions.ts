import type { RulesFeatureDeps } from './index.js';
import type { CardAction } from '../platform/teams/card-action.js';
import { rulesAreaAction, rulesAreasAction, rulesShowAction } from './rules-browse.actions.js';
import { rulesFeedbackAction } from './rules-feedback.action.js';
import { rulesForwardAction } from './rules-forward.action.js';
import { rulesQuestionViewAction, rulesReplyAction } from './rules-reply.actions.js';

/** The rules Q&A's card verbs, for the registry. */
export const rulesActions: CardAction<RulesFeatureDeps>[] = [
  rulesAreasAction,
  rulesAreaAction,
  rulesShowAction,
  rulesFeedbackAction,
  rulesForwardAction,
  rulesReplyAction,
  rulesQuestionViewAction,
];
