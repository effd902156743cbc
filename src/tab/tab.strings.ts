import type { Locale } from '../platform/locale.js';

/** What the tab's API itself says (the page has its own strings in src/tab/page). */
export interface TabServerStrings {
  notBuilt: string;
  signInFailed: string;
  choosePerson: string;
  dashboardForbidden: string;
  failed: string;
  badRequest: string;
}

const sv: TabServerStrings = {
  notBuilt:
    '<!doctype html><html lang="sv"><meta charset="utf-8"><title>Översikt</title><body style="font-family: system-ui, sans-serif; margin: 2rem"><h1>Översikt</h1><p>Fliken är inte byggd på den här servern. Kör <code>npm run build</code> och starta om boten.</p></body></html>',
  signInFailed: 'Inloggningen kunde inte bekräftas. Stäng fliken och öppna den igen.',
  choosePerson: 'Välj vem du är först.',
  dashboardForbidden:
    'Översikten för hela kommunen är till för säkerhetssamordnarna och kommunchefen.',
  failed: 'Något gick fel. Försök igen om en stund.',
  badRequest: 'Begäran kunde inte läsas.',
};

const en: TabServerStrings = {
  ...sv,
  signInFailed: 'Your sign-in could not be confirmed. Close the tab and open it again.',
  choosePerson: 'Choose who you are first.',
  dashboardForbidden:
    'The overview of the whole municipality is for the security coordinators and the kommunchef.',
  failed: 'Something went wrong. Try again in a while.',
  badRequest: 'The request could not be read.',
};

export function tabStringsFor(locale: Locale): TabServerStrings {
  return locale === 'en' ? en : sv;
}
