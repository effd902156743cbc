import type { OutboxPurpose } from '../platform/db/database.js';
import type { Locale } from '../platform/strings.js';

/** What the coordinators read about messages that could not be delivered. */
export interface OutboxStrings {
  purposes: Record<OutboxPurpose, string>;
  /** A message without a purpose of its own (a reminder, an answer). */
  otherMessage: string;
  statuses: { failed: string; unreachable: string };
  list: {
    title: string;
    none: string;
    heading: (count: number) => string;
    resend: string;
    item: (what: string, recipient: string) => string;
    details: (failedAt: string, reason: string, deadline: string | null) => string;
  };
  notice: (
    items: { what: string; recipient: string; deadline: string; reason: string }[],
  ) => string;
  requeued: (what: string, recipient: string) => string;
  alreadyHandled: string;
  notFound: string;
  forbidden: string;
  /**
   * Sent instead of a card Teams refused as too large, when the feature gave no text of
   * its own: what it was about (`subject`, `summary`; either may be missing) and where to look.
   */
  tooLarge: (
    purpose: OutboxPurpose | null,
    subject: string | null,
    summary: string | null,
  ) => string;
}

/** A summary as a sentence of its own: with a full stop unless it ends with one. */
const sentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

/** Where each kind of message can be seen again in the chat with the bot. */
const whereToLook = {
  sv: {
    'incident-routing': 'Skriv "mina incidenter" och öppna incidenten där.',
    'incident-deadline': 'Skriv "mina incidenter" och öppna incidenten där.',
    approval: 'Skriv "godkännanden" för att se det som väntar på dig.',
    other: 'Skriv "hjälp" för att se vad du kan öppna här, eller fråga IT-säkerhetssamordnaren.',
  },
  en: {
    'incident-routing': 'Write "my incidents" and open the incident there.',
    'incident-deadline': 'Write "my incidents" and open the incident there.',
    approval: 'Write "approvals" to see what waits for you.',
    other: 'Write "help" to see what you can open here, or ask the IT security coordinator.',
  },
} as const;

const sv: OutboxStrings = {
  purposes: {
    'incident-routing': 'Incidentkort',
    'incident-deadline': 'Påminnelse om frist',
    approval: 'Godkännande',
  },
  otherMessage: 'Meddelande',
  statuses: { failed: 'kunde inte levereras', unreachable: 'mottagaren har tagit bort appen' },
  list: {
    title: 'Utkorgen: meddelanden som inte kom fram',
    none: 'Inget meddelande väntar. Allt har kommit fram.',
    heading: (count) => (count === 1 ? '1 meddelande' : `${count} meddelanden`),
    resend: 'Skicka igen',
    item: (what, recipient) => `${what} till ${recipient}`,
    details: (failedAt, reason, deadline) =>
      `${failedAt} · ${reason}${deadline ? ` · frist ${deadline}` : ''}`,
  },
  notice: (items) =>
    [
      items.length === 1
        ? 'Ett meddelande med frist kunde inte levereras:'
        : `${items.length} meddelanden med frist kunde inte levereras:`,
      ...items.map((i) => `- ${i.what} till ${i.recipient} (frist ${i.deadline}; ${i.reason})`),
      'Ta kontakt med mottagaren på annat sätt. Skriv "utkorg" för att se och skicka om.',
    ].join('\n'),
  requeued: (what, recipient) => `${what} till ${recipient} ligger i kön igen och skickas nu.`,
  alreadyHandled: 'Meddelandet är redan skickat eller köat igen.',
  notFound: 'Meddelandet finns inte längre.',
  forbidden: 'Utkorgen visas bara för IT-säkerhetssamordnare (säkerhetssamordnare).',
  tooLarge: (purpose, subject, summary) =>
    [
      subject
        ? `Meddelandet om ${subject} blev för stort för Teams.`
        : 'Ett meddelande blev för stort för Teams.',
      summary ? `Det gällde: ${sentence(summary)}` : '',
      whereToLook.sv[purpose ?? 'other'],
    ]
      .filter(Boolean)
      .join(' '),
};

const en: OutboxStrings = {
  purposes: {
    'incident-routing': 'Incident card',
    'incident-deadline': 'Deadline reminder',
    approval: 'Approval',
  },
  otherMessage: 'Message',
  statuses: { failed: 'could not be delivered', unreachable: 'the recipient removed the app' },
  list: {
    title: 'Outbox: messages that did not arrive',
    none: 'Nothing is waiting. Everything has arrived.',
    heading: (count) => (count === 1 ? '1 message' : `${count} messages`),
    resend: 'Send again',
    item: (what, recipient) => `${what} to ${recipient}`,
    details: (failedAt, reason, deadline) =>
      `${failedAt} · ${reason}${deadline ? ` · deadline ${deadline}` : ''}`,
  },
  notice: (items) =>
    [
      items.length === 1
        ? 'A message with a deadline could not be delivered:'
        : `${items.length} messages with a deadline could not be delivered:`,
      ...items.map((i) => `- ${i.what} to ${i.recipient} (deadline ${i.deadline}; ${i.reason})`),
      'Contact the recipient another way. Write "outbox" (or "utkorg") to see and resend.',
    ].join('\n'),
  requeued: (what, recipient) => `${what} to ${recipient} is queued again and sent now.`,
  alreadyHandled: 'The message has been sent or queued again already.',
  notFound: 'The message no longer exists.',
  forbidden: 'The outbox is shown to IT security coordinators (säkerhetssamordnare) only.',
  tooLarge: (purpose, subject, summary) =>
    [
      subject
        ? `The message about ${subject} was too large for Teams.`
        : 'A message was too large for Teams.',
      summary ? `It was: ${sentence(summary)}` : '',
      whereToLook.en[purpose ?? 'other'],
    ]
      .filter(Boolean)
      .join(' '),
};

export function outboxStringsFor(locale: Locale): OutboxStrings {
  return locale === 'en' ? en : sv;
}
