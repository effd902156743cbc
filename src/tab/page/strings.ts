/** What the page says, Swedish first; English where Teams says the user's locale is English. */
export type PageLocale = 'sv' | 'en';

const sv = {
  heading: 'Översikt',
  localBanner:
    'Lokalt läge: ingen inloggning. Välj vem du vill vara; i Teams loggas man in med sitt konto.',
  whoAreYou: 'Vem är du?',
  choose: 'Välj person …',
  views: { mine: 'Mitt', dashboard: 'Kommunen', rules: 'Regler', inbox: 'Inkorg' },
  viewsLabel: 'Vyer',
  loading: 'Hämtar …',
  failed: 'Det gick inte att hämta uppgifterna. Försök igen om en stund.',
  signInFailed:
    'Inloggningen fungerade inte. Stäng fliken och öppna den igen, eller fråga IT-supporten.',
  signedInAs: (name: string) => `Inloggad som ${name}`,
  notInOrganisation:
    'Du finns inte i kommunens register ännu; du ser bara det du själv rapporterat.',
  flags: { overdue: 'Försenad', soon: 'Snart' },
  more: (n: number) => `… och ${n.toLocaleString('sv-SE')} till.`,
  showTable: 'Visa som tabell',
  downloadCsv: 'Ladda ned CSV',
  chartLabel: (heading: string) => `Diagram: ${heading}. Tabellen under visar samma siffror.`,
  rulesSearch: 'Sök i reglerna',
  rulesPlaceholder: 't.ex. får jag använda USB-minne?',
  search: 'Sök',
  answer: 'Regeln som svarar',
  noAnswer: 'Ingen regel svarar säkert på det. Närmast är:',
  suggestions: 'Se även',
  nothingFound: 'Inga regler hittades. Fråga IT-säkerhetssamordnaren i chatten med boten.',
  inboxIntro: 'Korten som boten skickat till varje person. Tryck på knapparna som den personen.',
  inboxFor: 'Inkorg för',
  inboxEmpty: 'Inga meddelanden till den här personen.',
  status: {
    pending: 'väntar',
    sending: 'skickas',
    sent: 'skickat',
    failed: 'misslyckades',
    unreachable: 'når inte fram',
  } as Record<string, string>,
  pressed: 'Svar från boten',
  answeredWith: (status: number) => `Boten svarade med status ${status}.`,
};

export type PageStrings = typeof sv;

const en: PageStrings = {
  ...sv,
  heading: 'Overview',
  localBanner:
    'Local mode: no sign-in. Choose who you want to be; in Teams people sign in with their account.',
  whoAreYou: 'Who are you?',
  choose: 'Choose a person …',
  views: { mine: 'Mine', dashboard: 'Municipality', rules: 'Rules', inbox: 'Inbox' },
  viewsLabel: 'Views',
  loading: 'Loading …',
  failed: 'The data could not be loaded. Try again in a while.',
  signInFailed: 'Sign-in did not work. Close the tab and open it again, or ask IT support.',
  signedInAs: (name: string) => `Signed in as ${name}`,
  notInOrganisation:
    'You are not in the municipality’s register yet; you see only what you reported.',
  flags: { overdue: 'Overdue', soon: 'Soon' },
  more: (n: number) => `… and ${n.toLocaleString('en-GB')} more.`,
  showTable: 'Show as a table',
  downloadCsv: 'Download CSV',
  chartLabel: (heading: string) => `Chart: ${heading}. The table below has the same figures.`,
  rulesSearch: 'Search the rules',
  rulesPlaceholder: 'e.g. may I use a USB stick?',
  search: 'Search',
  answer: 'The rule that answers',
  noAnswer: 'No rule answers that with confidence. The closest are:',
  suggestions: 'See also',
  nothingFound: 'No rules found. Ask the IT security coordinator in the chat with the bot.',
  inboxIntro: 'The cards the bot sent to each person. Press their buttons as that person.',
  inboxFor: 'Inbox of',
  inboxEmpty: 'No messages to this person.',
  status: {
    pending: 'waiting',
    sending: 'sending',
    sent: 'sent',
    failed: 'failed',
    unreachable: 'unreachable',
  },
  pressed: 'The bot’s answer',
  answeredWith: (status: number) => `The bot answered with status ${status}.`,
};

export function pageStrings(locale: PageLocale): PageStrings {
  return locale === 'en' ? en : sv;
}
