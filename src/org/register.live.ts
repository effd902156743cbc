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
  /**
   * The register as one transaction sees it: a change applied through `repository`
   * shows here at once, and to everyone else when `reload` runs after the commit.
   */
  within(repository: RegisterRepository): ScopedRegister;
}

export interface ScopedRegister {
  readonly current: OrgDirectory;
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
    within(scoped) {
      let changed: OrgDirectory | undefined;
      return {
        get current() {
          return changed ?? current;
        },
        async apply(change, at) {
          await scoped.record(change, at);
          changed = createOrgDirectory(applyRegisterChanges(base, await scoped.all()));
        },
      };
    },
  };
}
