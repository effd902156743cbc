/** Annual goals (årliga mål, policy 2.2) and their follow-up answers. */

export const GOAL_STATUSES = ['genomford', 'pagar', 'forsenad'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export interface AnnualGoal {
  id: string;
  year: number;
  title: string;
  /** What is to be done during the year. */
  what: string;
  /** ISO date: the end of the timetable. */
  deadline: string;
  /** Person id of the one responsible. */
  responsible: string;
  /** Staff and money set aside. */
  resources: string;
  /** ISO dates of the follow-ups, in order. */
  followUp: string[];
  /** How follow-up, evaluation and reporting are done. */
  reporting?: string;
  /** When and how staff are informed and trained. */
  staffInformation: string;
}

export interface GoalFollowUp {
  goalId: string;
  /** The follow-up date or deadline the answer is for. */
  checkpoint: string;
  status: GoalStatus;
  comment: string | null;
  answeredByAadObjectId: string;
  answeredByName: string;
  answeredAt: Date;
}

export interface GoalWithStatus {
  goal: AnnualGoal;
  latest: GoalFollowUp | undefined;
}

export function isGoalStatus(value: string): value is GoalStatus {
  return (GOAL_STATUSES as readonly string[]).includes(value);
}
