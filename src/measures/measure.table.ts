import type { Selectable } from 'kysely';

export interface MeasureTable {
  id: string;
  title: string;
  description: string;
  /** Person id in the organisation file. */
  owner_id: string;
  due_date: string;
  system_id: string | null;
  /** 'manual' | 'incident'. */
  origin_kind: string;
  /** The incident number, for a measure from an incident. */
  origin_ref: string | null;
  /** 'open' | 'started' | 'done'. */
  status: string;
  created_by_aad_object_id: string;
  created_by_name: string;
  submission_id: string;
  created_at: string;
  updated_at: string;
  done_at: string | null;
  done_comment: string | null;
  extension_due_date: string | null;
  extension_reason: string | null;
  extension_requested_at: string | null;
  extensions: number;
  version: number;
}

/** One answer to one due date of a recurring control. */
export interface ControlResultTable {
  /** The control instance: `<control id>` or `<control id>:<system id>`. */
  control_id: string;
  due_date: string;
  /** 'ok' | 'deviation'. */
  outcome: string;
  description: string | null;
  /** The measure a deviation became. */
  measure_id: string | null;
  answered_by: string;
  answered_by_name: string;
  answered_at: string;
}

export interface MeasureTables {
  measure: MeasureTable;
  control_result: ControlResultTable;
}

export type MeasureRow = Selectable<MeasureTable>;
