import { readFileSync } from 'node:fs';
import { fromRoot } from '../../src/platform/paths.js';

/** The parts of an Adaptive Cards host config the tests read. */
export interface HostConfigJson {
  containerStyles: Record<
    string,
    {
      backgroundColor: string;
      foregroundColors: Record<string, { default: string; subtle: string }>;
    }
  >;
  [key: string]: unknown;
}

const load = (theme: string) =>
  JSON.parse(
    readFileSync(fromRoot('src', 'tab', 'page', 'teams-host-config', `${theme}.json`), 'utf8'),
  ) as HostConfigJson;

/** Teams' host configs as the official designer ships them (see the fixture's README). */
export const teamsHostConfigs = { light: load('light'), dark: load('dark') };
