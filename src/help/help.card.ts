import type { Strings } from '../platform/strings.js';
import { userText, renderCard } from '../platform/teams/render.js';

export interface HelpCardData {
  title: string;
  greeting: string;
  roleLine: string;
  intro: string;
  sections: { heading: string; text: string; reference: string }[];
  buttons: { command: string; title: string }[];
  footer: string;
}

export function helpCardData(
  strings: Strings,
  organisation: string,
  name: string,
  roles: string[],
): HelpCardData {
  return {
    title: strings.help.title(userText(organisation)),
    greeting: strings.help.greeting(userText(name)),
    roleLine: roles.length > 0 ? strings.help.yourRoles(userText(roles.join(', '))) : '',
    intro: strings.help.intro,
    sections: strings.help.sections,
    buttons: strings.help.buttons,
    footer: strings.help.footer,
  };
}

/** The help card for a team channel or group chat: rules questions, and where the rest is. */
export function sharedHelpCardData(
  strings: Strings,
  organisation: string,
  name: string,
): HelpCardData {
  return {
    ...helpCardData(strings, organisation, name, []),
    intro: strings.help.shared.intro,
    sections: strings.help.shared.sections,
    buttons: strings.help.shared.buttons,
  };
}

export function helpCard(data: HelpCardData) {
  return renderCard('help/help', data);
}
