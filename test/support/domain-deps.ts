import type { RunningApp } from '../../src/app.js';
import { createApprovalDeps } from '../../src/approvals/index.js';
import { createIncidentDeps } from '../../src/incidents/index.js';
import { createReminderDeps } from '../../src/reminders/index.js';
import { createRulesDeps } from '../../src/rules/index.js';

type DomainDeps = Awaited<ReturnType<typeof build>>;
const built = new WeakMap<RunningApp, Promise<DomainDeps>>();

/**
 * The features' domain services on a running app's core, wired as the features
 * wire them, for tests that call a use case directly (the unit-of-work tests).
 * Built once per app: building indexes the rules and seeds the goals.
 */
export function domainDepsOf(running: RunningApp): Promise<DomainDeps> {
  let deps = built.get(running);
  if (!deps) built.set(running, (deps = build(running)));
  return deps;
}

async function build(running: RunningApp) {
  const { core } = running;
  return {
    incidents: createIncidentDeps(core),
    approvals: createApprovalDeps(core),
    rules: createRulesDeps(core),
    reminders: await createReminderDeps(core),
    get org() {
      return core.register.current;
    },
  };
}
