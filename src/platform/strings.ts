/**
 * Everything staff read, in one place per language. Swedish is the default;
 * English is used when Teams says the user's locale is English.
 */

import type { Locale } from './locale.js';

export { localeFrom, type Locale } from './locale.js';

export interface Strings {
  help: {
    title: (organisation: string) => string;
    greeting: (name: string) => string;
    intro: string;
    yourRoles: (roles: string) => string;
    sections: { heading: string; text: string; reference: string }[];
    buttons: { command: string; title: string }[];
    footer: string;
    /** The help card in a team channel or group chat: only what can be done there. */
    shared: {
      intro: string;
      sections: { heading: string; text: string; reference: string }[];
      buttons: { command: string; title: string }[];
    };
  };
  /** Team channels and group chats, where nothing personal is shown. */
  sharedChat: {
    /** The line in the shared chat when the answer went to the person's personal chat. */
    answeredPersonally: string;
    /** When the bot knows no personal chat with the person; `command` is what to type there. */
    openPersonalChat: (command?: string) => string;
    /** The card an old personal card in a shared chat turns into when it is looked at. */
    personalOnlyCard: string;
  };
  roles: {
    kommunchef: string;
    sakerhetssamordnare: string;
    dataskyddsombud: string;
    systemOwner: (systems: string) => string;
  };
  welcome: string;
  apology: (correlationId: string) => string;
  /** The database cannot be reached: nothing was done. */
  databaseUnavailable: string;
  invalidAction: string;
  commandStarted: string;
  tooLong: (max: number) => string;
  /** Sent instead of an answer card Teams refused as too large; `summary`: what it was, if known. */
  tooLargeReply: (summary: string | null) => string;
  /** Under a list that shows only some of its entries. */
  listMore: (hidden: number) => string;
}

const sv: Strings = {
  help: {
    title: (organisation) => `IT-säkerhet – ${organisation}`,
    greeting: (name) => `Hej ${name}!`,
    intro: 'Jag hjälper dig att följa kommunens IT-säkerhetspolicy. Det här kan jag göra:',
    yourRoles: (roles) => `Din roll: ${roles}`,
    sections: [
      {
        heading: 'Rapportera IT-incidenter',
        text: 'Rapportera virus, nätfiske, förlorad utrustning eller felskickad information. Rätt personer får veta direkt.',
        reference: 'IT-säkerhetsinstruktion Användare: IT-incidenthantering',
      },
      {
        heading: 'Frågor om reglerna',
        text: 'Skriv en fråga, till exempel "får jag använda USB-minne?", så svarar jag med regeln som gäller.',
        reference: 'Policy 2.1 och 4: IT-säkerhetsinstruktion Användare',
      },
      {
        heading: 'Godkännanden',
        text: 'Begär och fatta beslut om driftgodkännande, systemsäkerhetsplaner, årliga mål och styrande dokument.',
        reference: 'Policy 2.2, 3.1, 3.2 och 5',
      },
      {
        heading: 'Påminnelser',
        text: 'Årliga mål, revidering av policy, instruktioner och systemsäkerhetsplaner, hotbildsanalyser och den årliga genomgången av reglerna. Skriv "påminnelser" för dina kommande påminnelser och "mål" för årets mål.',
        reference: 'Policy 2.1, 2.2 och 5',
      },
      {
        heading: 'Åtgärder',
        text: 'Beslutade åtgärder följs upp tills de är genomförda: den ansvarige får ett kort och påminnelser. Skriv "åtgärder" för dina åtgärder; säkerhetssamordnare, systemägare och kommunchefen skriver "ny åtgärd".',
        reference: 'Policy 5',
      },
    ],
    buttons: [
      { command: 'incident', title: 'Rapportera incident' },
      { command: 'mina incidenter', title: 'Mina incidenter' },
      { command: 'regler', title: 'Regler' },
      { command: 'begär godkännande', title: 'Begär godkännande' },
      { command: 'godkännanden', title: 'Godkännanden' },
      { command: 'åtgärder', title: 'Åtgärder' },
    ],
    footer: 'Skriv "hjälp" när som helst för att se det här igen.',
    shared: {
      intro:
        'I den här chatten svarar jag på frågor om IT-säkerhetsreglerna. Incidenter, godkännanden, mål och påminnelser tar vi i en personlig chatt.',
      sections: [
        {
          heading: 'Frågor om reglerna',
          text: 'Nämn mig och skriv en fråga, till exempel "får jag använda USB-minne?", så svarar jag med regeln som gäller.',
          reference: 'Policy 2.1 och 4: IT-säkerhetsinstruktion Användare',
        },
        {
          heading: 'I en personlig chatt med mig',
          text: 'Rapportera och följ incidenter, begär och besluta om godkännanden, se årets mål och dina påminnelser.',
          reference: 'Frågar du om något av det här här, svarar jag dig i den personliga chatten.',
        },
      ],
      buttons: [{ command: 'regler', title: 'Regler' }],
    },
  },
  sharedChat: {
    answeredPersonally: 'Jag har svarat dig i en personlig chatt.',
    openPersonalChat: (command) =>
      command
        ? `Det här visar jag bara i en personlig chatt. Öppna en chatt med mig och skriv "${command}" där.`
        : 'Det här visar jag bara i en personlig chatt. Öppna en chatt med mig och fortsätt där.',
    personalOnlyCard: 'Det här kortet visas bara i en personlig chatt med mig.',
  },
  roles: {
    kommunchef: 'kommunchef',
    sakerhetssamordnare: 'IT-säkerhetssamordnare',
    dataskyddsombud: 'dataskyddsombud',
    systemOwner: (systems) => `systemägare för ${systems}`,
  },
  welcome: 'Välkommen! Jag är kommunens IT-säkerhetsbot.',
  apology: (correlationId) =>
    `Något gick fel hos mig, och ingenting har ändrats. Försök igen om en stund. Om felet kvarstår, kontakta IT-supporten och ange felkod ${correlationId}.`,
  databaseUnavailable:
    'Jag når inte min databas just nu, så ingenting har sparats eller ändrats. Försök igen om några minuter. Gäller det en IT-incident som inte kan vänta: ring IT-supporten eller IT-säkerhetssamordnaren.',
  invalidAction: 'Knappen kunde inte hanteras. Skriv "hjälp" för att börja om.',
  commandStarted: 'Svaret kommer i ett nytt meddelande.',
  tooLong: (max) => `Meddelandet är för långt. Skriv högst ${max} tecken, eller dela upp det.`,
  tooLargeReply: (summary) =>
    [
      'Svaret blev för stort för Teams och kunde inte visas.',
      summary ? `Det gällde: ${summary.replace(/[^.!?…]$/, '$&.')}` : '',
      'Försök igen, eller skriv "hjälp" för att se vad du kan göra här.',
    ]
      .filter(Boolean)
      .join(' '),
  listMore: (hidden) => `… och ${new Intl.NumberFormat('sv-SE').format(hidden)} till.`,
};

const en: Strings = {
  help: {
    title: (organisation) => `IT security – ${organisation}`,
    greeting: (name) => `Hi ${name}!`,
    intro: "I help you follow the municipality's IT security policy. Here is what I can do:",
    yourRoles: (roles) => `Your role: ${roles}`,
    sections: [
      {
        heading: 'Report IT incidents',
        text: 'Report viruses, phishing, lost equipment or misdirected information. The right people are told at once.',
        reference: 'IT security instruction for users: incident handling',
      },
      {
        heading: 'Questions about the rules',
        text: 'Ask a question, for example "may I use a USB stick?", and I answer with the rule that applies.',
        reference: 'Policy 2.1 and 4: IT security instruction for users',
      },
      {
        heading: 'Approvals',
        text: 'Request and decide operational approval, system security plans, annual goals and governing documents.',
        reference: 'Policy 2.2, 3.1, 3.2 and 5',
      },
      {
        heading: 'Reminders',
        text: 'Annual goals, revision of the policy, instructions and system security plans, threat analyses and the yearly review of the rules. Type "reminders" for your upcoming reminders and "goals" for this year\'s goals.',
        reference: 'Policy 2.1, 2.2 and 5',
      },
      {
        heading: 'Measures',
        text: 'Decided measures are followed up until they are done: the person responsible gets a card and reminders. Type "measures" for yours; security coordinators, system owners and the chief executive type "new measure".',
        reference: 'Policy 5',
      },
    ],
    buttons: [
      { command: 'incident', title: 'Report incident' },
      { command: 'mina incidenter', title: 'My incidents' },
      { command: 'regler', title: 'Rules' },
      { command: 'begär godkännande', title: 'Request approval' },
      { command: 'godkännanden', title: 'Approvals' },
      { command: 'åtgärder', title: 'Measures' },
    ],
    footer: 'Type "help" at any time to see this again.',
    shared: {
      intro:
        'In this chat I answer questions about the IT security rules. Incidents, approvals, goals and reminders are for a personal chat.',
      sections: [
        {
          heading: 'Questions about the rules',
          text: 'Mention me and ask a question, for example "may I use a USB stick?", and I answer with the rule that applies.',
          reference: 'Policy 2.1 and 4: IT security instruction for users',
        },
        {
          heading: 'In a personal chat with me',
          text: "Report and follow incidents, request and decide approvals, see this year's goals and your reminders.",
          reference: 'If you ask for one of these here, I answer you in the personal chat.',
        },
      ],
      buttons: [{ command: 'regler', title: 'Rules' }],
    },
  },
  sharedChat: {
    answeredPersonally: 'I have answered you in a personal chat.',
    openPersonalChat: (command) =>
      command
        ? `I show this only in a personal chat. Open a chat with me and type "${command}" there.`
        : 'I show this only in a personal chat. Open a chat with me and continue there.',
    personalOnlyCard: 'This card is shown only in a personal chat with me.',
  },
  roles: {
    kommunchef: 'chief executive (kommunchef)',
    sakerhetssamordnare: 'IT security coordinator',
    dataskyddsombud: 'data protection officer',
    systemOwner: (systems) => `system owner of ${systems}`,
  },
  welcome: "Welcome! I am the municipality's IT security bot.",
  apology: (correlationId) =>
    `Something went wrong on my side, and nothing was changed. Please try again in a moment. If it persists, contact the IT support and give error code ${correlationId}.`,
  databaseUnavailable:
    'I cannot reach my database right now, so nothing was saved or changed. Please try again in a few minutes. If it is an IT incident that cannot wait, call the IT support or the IT security coordinator.',
  invalidAction: 'That button could not be handled. Type "help" to start again.',
  commandStarted: 'The answer follows in a new message.',
  tooLong: (max) =>
    `The message is too long. Please write at most ${max} characters, or split it up.`,
  tooLargeReply: (summary) =>
    [
      'The answer was too large for Teams and could not be shown.',
      summary ? `It was: ${summary.replace(/[^.!?…]$/, '$&.')}` : '',
      'Try again, or write "help" to see what you can do here.',
    ]
      .filter(Boolean)
      .join(' '),
  listMore: (hidden) => `… and ${new Intl.NumberFormat('en-GB').format(hidden)} more.`,
};

export function stringsFor(locale: Locale): Strings {
  return locale === 'en' ? en : sv;
}
