/** The register every feature reads: people, roles, systems, documents; who they are in Teams; the audit log. */
export type {
  Control,
  DocumentType,
  GoverningDocument,
  ItSystem,
  Organisation,
  Person,
  RoleName,
  Roles,
} from './domain/org.js';
export type { OrgDirectory } from './domain/org.directory.js';
export { createOrgDirectory } from './domain/org.directory.js';
export type { RegisterChange } from './domain/register.js';
export type { AuditEvent, AuditLog } from './domain/audit.js';
export { OrgFileError } from './domain/org.parse.js';
export { loadOrganisationFile } from './org.load.js';
export { createAuditRepository, type AuditRepository } from './audit.repository.js';
export {
  createPersonRepository,
  type KnownPerson,
  type PersonRepository,
  type PersonSighting,
} from './person.repository.js';

export type { ScopedRegister } from './register.live.js';
export { createLiveRegister, type LiveRegister } from './register.live.js';
export {
  PEOPLE_DATASET,
  peopleWithRoles,
  personChoice,
  pickedPersonId,
  searchPeople,
} from './people-picker.js';
export type { ControlInstance } from './domain/controls.js';
export {
  controlDueDates,
  controlInstanceById,
  controlInstances,
  isControlDueDate,
} from './domain/controls.js';
