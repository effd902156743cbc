import type { RulesStrings } from './rules.strings.js';
import { FORWARD_LIMIT } from './domain/rules-question.service.js';

/** Why a rules button was refused, in the words its presser reads. */
export function askerRefusal(
  s: RulesStrings,
  kind: 'unknown-question' | 'not-your-question' | 'no-coordinator' | 'limited',
): string {
  switch (kind) {
    case 'unknown-question':
      return s.unknownQuestion;
    case 'not-your-question':
      return s.notYourQuestion;
    case 'no-coordinator':
      return s.noCoordinators;
    case 'limited':
      return s.forwardLimited(FORWARD_LIMIT.count);
  }
}

export function coordinatorRefusal(
  s: RulesStrings,
  kind: 'not-coordinator' | 'unknown-question' | 'empty-reply',
): string {
  switch (kind) {
    case 'not-coordinator':
      return s.notCoordinator;
    case 'unknown-question':
      return s.unknownQuestion;
    case 'empty-reply':
      return s.emptyReply;
  }
}
