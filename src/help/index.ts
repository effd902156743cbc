import type { Core } from '../composition.js';
import type { OrgDirectory } from '../org/index.js';
import { handlerDeps } from '../unit-of-work.js';
import { defineFeature } from '../platform/teams/feature.js';
import { helpCommand } from './help.command.js';

export interface HelpDeps {
  readonly org: OrgDirectory;
}

/** The help card: what the bot does for this person, with buttons. Also the welcome on install. */
export const help = defineFeature<Core, HelpDeps>({
  name: 'help',
  commands: [helpCommand],
  welcome: helpCommand,
  deps: (core) => handlerDeps(core, {}),
});
