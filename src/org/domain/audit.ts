/** Who did what, when, to which object. Append-only; never message text, tokens or free-form personal data. */
export interface AuditEvent {
  at: Date;
  /** aadObjectId of the acting person, or 'system'. */
  actor: string;
  action: string;
  objectType: string;
  objectId: string;
  details?: Record<string, string | number | boolean | null>;
}

export interface AuditLog {
  record(event: AuditEvent): Promise<void>;
}
