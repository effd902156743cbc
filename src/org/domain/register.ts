import type { Organisation } from './org.js';

/**
 * A change to the register that a concluded approval made. The organisation file
 * is the starting point; these changes, in order, give the register as it is now.
 */
export type RegisterChange =
  | { kind: 'system-approved'; systemId: string; date: string; approvalId: string }
  | { kind: 'document-approved'; documentId: string; date: string; approvalId: string }
  | { kind: 'system-owner'; systemId: string; ownerId: string; approvalId: string }
  | { kind: 'annual-goals'; year: number; date: string; approvalId: string }
  | { kind: 'exception'; systemId: string; approvalId: string };

/** The organisation with the changes applied; changes naming unknown ids are skipped. */
export function applyRegisterChanges(org: Organisation, changes: RegisterChange[]): Organisation {
  const systems = org.systems.map((s) => ({ ...s }));
  const documents = org.documents.map((d) => ({ ...d }));
  let people: Set<string> | undefined;
  const isPerson = (id: string) => (people ??= new Set(org.people.map((p) => p.id))).has(id);
  const goalsApproved = [...(org.goalsApproved ?? [])];
  for (const change of changes) {
    switch (change.kind) {
      case 'system-approved': {
        const system = systems.find((s) => s.id === change.systemId);
        if (system) system.approvedAt = change.date;
        break;
      }
      case 'document-approved': {
        const document = documents.find((d) => d.id === change.documentId);
        if (document) document.approvedAt = change.date;
        break;
      }
      case 'system-owner': {
        const system = systems.find((s) => s.id === change.systemId);
        if (system && isPerson(change.ownerId)) system.owner = change.ownerId;
        break;
      }
      case 'annual-goals':
        goalsApproved.push({ year: change.year, date: change.date, approvalId: change.approvalId });
        break;
      case 'exception':
        // Recorded for the follow-up; it changes no attribute of the register.
        break;
    }
  }
  return { ...org, systems, documents, goalsApproved };
}
