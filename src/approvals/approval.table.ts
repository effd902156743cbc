import type { Selectable } from 'kysely';

export interface ApprovalTable {
  id: string;
  type: string;
  subject_kind: string;
  subject_id: string;
  title: string;
  justification: string;
  link: string | null;
  proposed_owner_id: string | null;
  /** For an undantag: the last day it applies (YYYY-MM-DD). */
  valid_until: string | null;
  requester_aad_object_id: string;
  requester_name: string;
  tenant_id: string;
  submission_id: string;
  status: string;
  current_step: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ApprovalStepTable {
  approval_id: string;
  step_index: number;
  role: string;
  /** JSON array of person ids from the organisation file. */
  approver_ids: string;
  delegate_aad_object_id: string | null;
  delegate_name: string | null;
  delegated_by: string | null;
  decision: string | null;
  decided_by_aad_object_id: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
  comment: string | null;
  started_at: string | null;
}

/** Changes concluded approvals made to the register; at most one per approval. */
export interface RegisterChangeTable {
  id: string;
  approval_id: string;
  kind: string;
  /** JSON of the change. */
  change: string;
  at: string;
}

export interface ApprovalTables {
  approval: ApprovalTable;
  approval_step: ApprovalStepTable;
  register_change: RegisterChangeTable;
}

export type ApprovalRow = Selectable<ApprovalTable>;
export type ApprovalStepRow = Selectable<ApprovalStepTable>;
