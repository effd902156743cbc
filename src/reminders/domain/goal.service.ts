import type { AadObjectId } from '../../platform/identity.js';
import type { AuditLog } from '../../org/index.js';
import type { Clock } from '../../platform/clock.js';
import { transactional, type UnitOfWork } from '../../platform/unit-of-work.js';
import type { OrgDirectory } from '../../org/index.js';
import type { GoalRepository } from './reminder.service.js';
import type { AnnualGoal, GoalFollowUp, GoalStatus } from './goal.js';

export const FOLLOW_UP_COMMENT_MAX = 2000;

/** What an answer writes through; inside a unit of work both are bound to its transaction. */
export interface GoalStore {
  goals: GoalRepository;
  audit: AuditLog;
}

export interface GoalDeps extends GoalStore {
  org: () => OrgDirectory;
  clock: Clock;
  /** A follow-up answer and its audit event commit together or not at all. */
  unitOfWork: UnitOfWork<GoalStore>;
}

export interface Answerer {
  aadObjectId: AadObjectId;
  name: string;
}

export type FollowUpResult =
  | { kind: 'saved'; goal: AnnualGoal; answer: GoalFollowUp }
  | { kind: 'forbidden' }
  | { kind: 'not-found' }
  | { kind: 'invalid'; reason: 'checkpoint' | 'comment-too-long' };

/** The dates a goal is followed up on: its follow-up dates and its deadline. */
export function checkpointsOf(goal: AnnualGoal): string[] {
  return [...new Set([...goal.followUp, goal.deadline])].sort();
}

/**
 * Stores the responsible person's answer on a follow-up card. Who may answer is
 * decided from the register (the goal's responsible person), never from the card.
 * Answering again (or a double click) replaces the answer for that checkpoint.
 */
export const answerFollowUp = transactional(saveAnswer);

async function saveAnswer(
  deps: GoalDeps,
  actor: Answerer,
  input: { goalId: string; checkpoint: string; status: GoalStatus; comment: string },
): Promise<FollowUpResult> {
  const goal = await deps.goals.get(input.goalId);
  if (!goal) return { kind: 'not-found' };
  const responsible = deps.org().personById(goal.responsible);
  if (!responsible || responsible.aadObjectId !== actor.aadObjectId) return { kind: 'forbidden' };
  if (!checkpointsOf(goal).includes(input.checkpoint))
    return { kind: 'invalid', reason: 'checkpoint' };
  const comment = input.comment.trim();
  if (comment.length > FOLLOW_UP_COMMENT_MAX)
    return { kind: 'invalid', reason: 'comment-too-long' };
  const answer: GoalFollowUp = {
    goalId: goal.id,
    checkpoint: input.checkpoint,
    status: input.status,
    comment: comment === '' ? null : comment,
    answeredByAadObjectId: actor.aadObjectId,
    answeredByName: actor.name,
    answeredAt: deps.clock.now(),
  };
  await deps.goals.saveFollowUp(answer);
  await deps.audit.record({
    at: answer.answeredAt,
    actor: answer.answeredByAadObjectId,
    action: 'goal.followed-up',
    objectType: 'goal',
    objectId: goal.id,
    details: { checkpoint: input.checkpoint, status: input.status },
  });
  return { kind: 'saved', goal, answer };
}
