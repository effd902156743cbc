import type { Selectable } from 'kysely';

export interface IncidentTable {
  id: string;
  number: string;
  year: number;
  sequence: number;
  tenant_id: string;
  reporter_aad_object_id: string;
  reporter_name: string;
  submission_id: string;
  title: string;
  category: string;
  system_id: string | null;
  discovered_at: string;
  started_at: string | null;
  ended_at: string | null;
  supplier: string | null;
  description: string;
  personal_data: string;
  severity: string;
  status: string;
  assignee_aad_object_id: string | null;
  assignee_name: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface IncidentReportTable {
  incident_id: string;
  kind: string;
  due_at: string;
  status: string;
  decided_by: string | null;
  decided_at: string | null;
  reason: string | null;
}

export interface IncidentNoteTable {
  id: string;
  incident_id: string;
  author_aad_object_id: string;
  author_name: string;
  text: string;
  created_at: string;
}

/** The last number handed out per year; the row lock keeps numbers gap-free across instances. */
export interface IncidentCounterTable {
  year: number;
  last_sequence: number;
}

export interface IncidentTables {
  incident: IncidentTable;
  incident_report: IncidentReportTable;
  incident_note: IncidentNoteTable;
  incident_counter: IncidentCounterTable;
}

export type IncidentRow = Selectable<IncidentTable>;
export type IncidentReportRow = Selectable<IncidentReportTable>;
