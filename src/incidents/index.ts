import type { Core } from '../composition.js';
import {
  handlerDeps,
  serviceDeps,
  notifierDeps,
  type CoreTransaction,
  type HandlerCore,
} from '../unit-of-work.js';
import { defineFeature } from '../platform/teams/feature.js';
import {
  remindDeadlines,
  type IncidentDeps,
  type IncidentStore,
} from './domain/incident.service.js';
import { incidentActions } from './incident.actions.js';
import { incidentCommand } from './incident.command.js';
import { createIncidentNotifier } from './incident.notifier.js';
import { createIncidentRepository } from './incident.repository.js';
import { myIncidentsCommand } from './my-incidents.command.js';
import { incidentOverview } from './incident.overview.js';
import { incidentRegister } from './incident-register.export.js';
import { permissionsFor, rolesOnIncident } from './domain/incident.access.js';

export type { IncidentTables } from './incident.table.js';

export type { Incident } from './domain/incident.js';
export { CATEGORIES } from './domain/incident.js';
export { incidentStringsFor, type IncidentStrings } from './incident.strings.js';
export {
  incidentRegister,
  incidentRegisterToCsv,
  type IncidentRegisterExport,
} from './incident-register.export.js';

/** The incident register of one year, read from the database (`npm run incidents -- export`). */
export async function exportIncidentRegister(core: Core, year: number) {
  const list = await createIncidentRepository(core.db.kysely).listOfYear(year);
  return incidentRegister(core.register.current, year, list, core.clock.now());
}

/**
 * The incident's number and system, for someone who handles it (any role on it but
 * only having reported it); undefined for anyone else, or when there is no such incident.
 */
export async function incidentForHandler(
  core: Core,
  id: string,
  viewerAadObjectId: string,
): Promise<{ number: string; systemId: string | null } | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const incident = await createIncidentRepository(core.db.kysely).get(id);
  if (!incident) return undefined;
  const roles = rolesOnIncident(
    incident,
    viewerAadObjectId,
    core.register.current,
    core.clock.now(),
  );
  return permissionsFor(roles).addNote
    ? { number: incident.number, systemId: incident.systemId }
    : undefined;
}

/** What the incident handlers are given when the feature is built. */
export interface IncidentFeatureDeps extends HandlerCore {
  readonly incidents: IncidentDeps;
}

export function createIncidentDeps(core: Core): IncidentDeps {
  const store = (tx: CoreTransaction): IncidentStore => {
    const incidents = createIncidentRepository(tx.db);
    return {
      incidents,
      audit: tx.audit,
      notifier: createIncidentNotifier(notifierDeps(tx, { incidents })),
    };
  };
  return serviceDeps(core, store);
}

/** IT incident reports: the form, routing with the legal clocks, triage and the deadline reminders. */
export const incidents = defineFeature<Core, IncidentFeatureDeps>({
  name: 'incidents',
  commands: [incidentCommand, myIncidentsCommand],
  cardActions: incidentActions,
  deps: (core) => handlerDeps(core, { incidents: createIncidentDeps(core) }),
  overview: (deps) => incidentOverview(deps.incidents),
  periodic: (deps, core) => [
    {
      name: 'incident deadlines',
      everySeconds: core.config.incidentDeadlineCheckSeconds,
      run: () => remindDeadlines(deps.incidents),
    },
  ],
});
