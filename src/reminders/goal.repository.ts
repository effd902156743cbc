import { randomUUID } from 'node:crypto';
import type { Executor } from '../platform/db/executor.js';
import {
  isGoalStatus,
  type AnnualGoal,
  type GoalFollowUp,
  type GoalWithStatus,
} from './domain/goal.js';
import type { GoalRepository } from './domain/reminder.service.js';
import type { GoalFollowUpRow, GoalRow } from './reminder.table.js';

export function goalRowToGoal(row: GoalRow): AnnualGoal {
  return {
    id: row.id,
    year: Number(row.year),
    title: row.title,
    what: row.what,
    deadline: row.deadline,
    responsible: row.responsible,
    resources: row.resources,
    followUp: JSON.parse(row.follow_up) as string[],
    reporting: row.reporting ?? undefined,
    staffInformation: row.staff_information,
  };
}

function followUpRowToFollowUp(row: GoalFollowUpRow): GoalFollowUp {
  if (!isGoalStatus(row.status))
    throw new Error(`goal_follow_up ${row.id} has status ${row.status}`);
  return {
    goalId: row.goal_id,
    checkpoint: row.checkpoint,
    status: row.status,
    comment: row.comment,
    answeredByAadObjectId: row.answered_by,
    answeredByName: row.answered_by_name,
    answeredAt: new Date(row.answered_at),
  };
}

export function createGoalRepository(db: Executor): GoalRepository {
  return {
    async seed(goals, at) {
      const now = at.toISOString();
      for (const goal of goals) {
        const fields = {
          year: goal.year,
          title: goal.title,
          what: goal.what,
          deadline: goal.deadline,
          responsible: goal.responsible,
          resources: goal.resources,
          follow_up: JSON.stringify([...goal.followUp].sort()),
          reporting: goal.reporting ?? null,
          staff_information: goal.staffInformation,
        };
        const existing = await db
          .selectFrom('goal')
          .selectAll()
          .where('id', '=', goal.id)
          .executeTakeFirst();
        if (!existing) {
          await db
            .insertInto('goal')
            .values({
              id: goal.id,
              ...fields,
              source: 'org-file',
              created_at: now,
              updated_at: now,
            })
            .onConflict((oc) => oc.column('id').doNothing())
            .execute();
          continue;
        }
        const changed = (Object.keys(fields) as (keyof typeof fields)[]).some(
          (k) => String(existing[k]) !== String(fields[k]),
        );
        if (changed)
          await db
            .updateTable('goal')
            .set({ ...fields, updated_at: now })
            .where('id', '=', goal.id)
            .execute();
      }
    },

    async get(id) {
      const row = await db.selectFrom('goal').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? goalRowToGoal(row) : undefined;
    },

    async listWithStatus(year) {
      let query = db.selectFrom('goal').selectAll();
      if (year !== undefined) query = query.where('year', '=', year);
      const rows = await query.orderBy('deadline').orderBy('id').execute();
      if (rows.length === 0) return [];
      const answers = await db
        .selectFrom('goal_follow_up')
        .selectAll()
        .where(
          'goal_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('answered_at')
        .orderBy('id')
        .execute();
      const latest = new Map<string, GoalFollowUp>();
      for (const a of answers) latest.set(a.goal_id, followUpRowToFollowUp(a));
      return rows.map((row): GoalWithStatus => ({
        goal: goalRowToGoal(row),
        latest: latest.get(row.id),
      }));
    },

    async saveFollowUp(answer) {
      const values = {
        status: answer.status,
        comment: answer.comment,
        answered_by_name: answer.answeredByName,
        answered_at: answer.answeredAt.toISOString(),
      };
      await db
        .insertInto('goal_follow_up')
        .values({
          id: randomUUID(),
          goal_id: answer.goalId,
          checkpoint: answer.checkpoint,
          answered_by: answer.answeredByAadObjectId,
          ...values,
        })
        .onConflict((oc) =>
          oc.columns(['goal_id', 'checkpoint', 'answered_by']).doUpdateSet(values),
        )
        .execute();
    },
  };
}
