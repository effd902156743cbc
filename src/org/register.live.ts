import { createOrgDirectory, type OrgDirectory } from './domain/org.directory.js';
import type { Organisation } from './domain/org.js';
import { applyRegisterChanges, type RegisterChange } from './domain/register.js';
import type { RegisterRepository } from '../approvals/index.js';

/**
 * The register as it is now: the organisation file plus the changes concluded
 * approvals made, which live in the database. Handlers read `current` each time;
 * other instances pick up a change at their next reload.
 */
export interface LiveRegister {
  readonly current: OrgDirectory;
  reload(): Promise<void>;
  apply(change: RegisterChange, at: Date): Promise<void>;
}

export async function createLiveRegister(
  base: Organisation,
  repository: RegisterRepository,
): Promise<LiveRegister> {
  let current = createOrgDirectory(applyRegisterChanges(base, await repository.all()));
  const reload = async () => {
    current = createOrgDirectory(applyRegisterChanges(base, await repository.all()));
  };
  return {
    get current() {
      return current;
    },
    reload,
    async apply(change, at) {
      await repository.record(change, at);
      await reload();
    },
  };
}
