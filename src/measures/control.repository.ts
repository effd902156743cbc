import type { Executor } from '../platform/db/executor.js';
import type { ControlResult, ControlResultRepository } from './domain/control.js';
import type { ControlResultTable } from './measure.table.js';

function fromRow(row: ControlResultTable): ControlResult {
  return {
    controlId: row.control_id,
    dueDate: row.due_date,
    outcome: row.outcome === 'deviation' ? 'deviation' : 'ok',
    description: row.description,
    measureId: row.measure_id,
    answeredByAadObjectId: row.answered_by,
    answeredByName: row.answered_by_name,
    answeredAt: new Date(row.answered_at),
  };
}

/** `db` is the database or the caller's transaction (one unit of work). */
export function createControlResultRepository(db: Executor): ControlResultRepository {
  return {
    async record(result) {
      const inserted = await db
        .insertInto('control_result')
        .values({
          control_id: result.controlId,
          due_date: result.dueDate,
          outcome: result.outcome,
          description: result.description,
          measure_id: result.measureId,
          answered_by: result.answeredByAadObjectId.toLowerCase(),
          answered_by_name: result.answeredByName,
          answered_at: result.answeredAt.toISOString(),
        })
        .onConflict((oc) => oc.columns(['control_id', 'due_date']).doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async get(controlId, dueDate) {
      const row = await db
        .selectFrom('control_result')
        .selectAll()
        .where('control_id', '=', controlId)
        .where('due_date', '=', dueDate)
        .executeTakeFirst();
      return row ? fromRow(row) : undefined;
    },
    async attachMeasure(controlId, dueDate, measureId) {
      await db
        .updateTable('control_result')
        .set({ measure_id: measureId })
        .where('control_id', '=', controlId)
        .where('due_date', '=', dueDate)
        .execute();
    },
    async since(fromDate) {
      const rows = await db
        .selectFrom('control_result')
        .selectAll()
        .where('due_date', '>=', fromDate)
        .orderBy('due_date')
        .execute();
      return rows.map(fromRow);
    },
  };
}
