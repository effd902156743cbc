import type { ApprovalStatus, ApprovalType, ApproverRole } from './domain/approval.js';
import type { ApprovalFieldError, ApprovalFormField } from './domain/approval.validation.js';
import type { Locale } from '../platform/strings.js';

/** Everything people read about approvals, Swedish first. */
export interface ApprovalStrings {
  types: Record<ApprovalType, string>;
  /** What the lock screen and the activity feed show of a card to decide. */
  toDecideSummary: (type: string) => string;
  typeHelp: Record<ApprovalType, string>;
  roles: Record<ApproverRole, string>;
  statuses: Record<ApprovalStatus, string>;
  form: {
    title: string;
    intro: string;
    labels: Record<ApprovalFormField, string>;
    placeholders: { title: string; justification: string; link: string };
    systemPrefix: string;
    documentPrefix: string;
    nextYearGoals: (year: number) => string;
    noOwner: string;
    submit: string;
    fixErrors: string;
    errors: Record<ApprovalFieldError, string>;
  };
  card: {
    requestedBy: string;
    subject: string;
    status: string;
    proposedOwner: string;
    validUntil: string;
    justification: string;
    /** The button that opens the request's link, with the link's host. */
    openLink: (host: string) => string;
    steps: string;
    waitingFor: (names: string) => string;
    decided: (decision: string, name: string, when: string) => string;
    delegatedTo: (name: string) => string;
    notStarted: string;
    approvedWord: string;
    rejectedWord: string;
    yourTurn: string;
    commentLabel: string;
    approve: string;
    reject: string;
    delegateLabel: string;
    /** In the delegate picker before anything is typed. */
    delegatePlaceholder: string;
    delegate: string;
    withdraw: string;
    history: string;
    escalated: string;
    systemActor: string;
    receipt: string;
    notice: {
      reminder: string;
      escalation: (approver: string, days: number) => string;
      delegated: (by: string) => string;
    };
  };
  concluded: Record<Exclude<ApprovalStatus, 'pending'>, (title: string) => string>;
  list: { title: string; waiting: string; mine: string; none: string; open: string };
  forbidden: string;
  notFound: string;
  alreadyDecided: string;
  notYet: string;
  commentRequired: string;
  commentTooLong: string;
  unknownPerson: string;
  selfDelegation: string;
  requesterDelegation: string;
  conditions: {
    button: string;
    label: string;
    dueLabel: string;
    save: string;
    required: string;
    tooMany: string;
    date: string;
    notLast: string;
  };
}

const sv: ApprovalStrings = {
  toDecideSummary: (type) => `Begäran att besluta: ${type}`,
  types: {
    driftgodkannande: 'Driftgodkännande',
    systemsakerhetsplan: 'Reviderad systemsäkerhetsplan',
    'arliga-mal': 'Årliga mål',
    'styrande-dokument': 'Reviderat styrande dokument',
    'utse-systemagare': 'Utse systemägare',
    undantag: 'Undantag från en regel',
  },
  typeHelp: {
    driftgodkannande:
      'Systemägaren beslutar, och för samhällsviktiga system därefter kommunchefen.',
    systemsakerhetsplan: 'Systemägaren beslutar.',
    'arliga-mal': 'Kommunchefen beslutar.',
    'styrande-dokument':
      'Dokumentets ägare beslutar, och för IT-säkerhetspolicyn därefter kommunchefen.',
    'utse-systemagare': 'Kommunchefen beslutar.',
    undantag: 'Systemägaren beslutar, därefter en IT-säkerhetssamordnare.',
  },
  roles: {
    systemOwner: 'systemägare',
    documentOwner: 'dokumentägare',
    kommunchef: 'kommunchef',
    sakerhetssamordnare: 'IT-säkerhetssamordnare',
  },
  statuses: {
    pending: 'Väntar på beslut',
    approved: 'Godkänd',
    rejected: 'Avslagen',
    withdrawn: 'Återkallad',
  },
  form: {
    title: 'Begär godkännande',
    intro: 'Välj vad som ska godkännas. Begäran går till rätt beslutsfattare i tur och ordning.',
    labels: {
      type: 'Typ av godkännande',
      subject: 'Gäller (system, dokument eller år)',
      proposedOwner: 'Föreslagen systemägare (bara för "Utse systemägare")',
      title: 'Rubrik',
      justification: 'Motivering',
      link: 'Länk till underlaget (valfritt, https)',
      validUntil: 'Undantaget gäller till och med (bara för "Undantag")',
    },
    placeholders: {
      title: 'T.ex. "Driftgodkännande efter uppgradering till version 5"',
      justification: 'Vad ska beslutas, och varför?',
      link: 'https://',
    },
    systemPrefix: 'System',
    documentPrefix: 'Dokument',
    nextYearGoals: (year) => `Årliga mål för ${year}`,
    noOwner: 'Ingen (gäller inte)',
    submit: 'Skicka begäran',
    fixErrors: 'Rätta det som är markerat och skicka igen.',
    errors: {
      required: 'Fyll i det här fältet.',
      tooLong: 'Texten är för lång.',
      unknownChoice: 'Välj ett av alternativen.',
      subjectMismatch:
        'Det här passar inte ihop med typen av godkännande (system, dokument eller år).',
      noSecurityPlan: 'Systemet har ingen systemsäkerhetsplan i registret.',
      invalidLink: 'Länken måste vara en fullständig https-adress.',
      alreadyOwner: 'Personen är redan systemägare för systemet.',
      badDate: 'Ange ett datum som ÅÅÅÅ-MM-DD.',
      dateInPast: 'Datumet har redan passerat.',
      dateTooFar: 'Ett undantag kan gälla högst tre år.',
      onlyRequester:
        'Bara du själv skulle kunna besluta om den här begäran, och ingen beslutar om sin egen begäran. Låt någon annan, till exempel en IT-säkerhetssamordnare, skicka den.',
    },
  },
  card: {
    requestedBy: 'Begärd av',
    subject: 'Gäller',
    status: 'Status',
    proposedOwner: 'Föreslagen systemägare',
    validUntil: 'Gäller till och med',
    justification: 'Motivering',
    openLink: (host) => `Öppna underlaget (${host})`,
    steps: 'Beslutsordning',
    waitingFor: (names) => `Väntar på ${names}`,
    decided: (decision, name, when) => `${decision} av ${name} ${when}`,
    delegatedTo: (name) => `delegerat till ${name}`,
    notStarted: 'Inte påbörjat',
    approvedWord: 'Godkänt',
    rejectedWord: 'Avslaget',
    yourTurn: 'Ditt beslut behövs.',
    commentLabel: 'Kommentar (krävs vid avslag)',
    approve: 'Godkänn',
    reject: 'Avslå',
    delegateLabel: 'Delegera beslutet till',
    delegatePlaceholder: 'Välj eller skriv ett namn',
    delegate: 'Delegera',
    withdraw: 'Återkalla begäran',
    history: 'Historik',
    escalated: 'Eskalerad till kommunchefen',
    systemActor: 'IT-säkerhetsboten',
    receipt: 'Din begäran är skickad. Du får besked här när den är beslutad.',
    notice: {
      reminder: 'Påminnelse: den här begäran väntar på ditt beslut.',
      escalation: (approver, days) =>
        `Eskalering: begäran har väntat på ${approver} i ${days} arbetsdagar.`,
      delegated: (by) => `${by} har delegerat beslutet till dig.`,
    },
  },
  concluded: {
    approved: (title) => `Din begäran "${title}" är godkänd.`,
    rejected: (title) => `Din begäran "${title}" är avslagen.`,
    withdrawn: (title) => `Begäran "${title}" är återkallad.`,
  },
  list: {
    title: 'Godkännanden',
    waiting: 'Väntar på ditt beslut',
    mine: 'Dina begäranden',
    none: 'Inga.',
    open: 'Visa',
  },
  forbidden: 'Du har inte behörighet att besluta om den här begäran.',
  notFound: 'Begäran finns inte.',
  alreadyDecided: 'Redan beslutat. Kortet visar det aktuella läget.',
  notYet: 'Det är inte din tur att besluta ännu.',
  commentRequired: 'Skriv en kommentar som förklarar avslaget.',
  commentTooLong: 'Kommentaren är för lång (högst 2000 tecken).',
  unknownPerson: 'Välj en person i listan.',
  selfDelegation: 'Du kan inte delegera till dig själv.',
  requesterDelegation: 'Du kan inte delegera beslutet till den som har begärt det.',
  conditions: {
    button: 'Godkänn med villkor',
    label: 'Villkor, ett per rad: varje villkor blir en åtgärd för den som begärde',
    dueLabel: 'Villkoren ska vara uppfyllda senast',
    save: 'Godkänn med dessa villkor',
    required: 'Skriv minst ett villkor.',
    tooMany: 'Högst 10 villkor, vart och ett på högst 120 tecken.',
    date: 'Ange när villkoren ska vara uppfyllda: ett datum från i dag och högst tre år fram.',
    notLast: 'Villkor sätts av den som fattar det sista beslutet.',
  },
};

const en: ApprovalStrings = {
  ...sv,
  toDecideSummary: (type) => `Request to decide: ${type}`,
  types: {
    driftgodkannande: 'Operational approval (driftgodkännande)',
    systemsakerhetsplan: 'Revised system security plan',
    'arliga-mal': 'Annual goals',
    'styrande-dokument': 'Revised governing document',
    'utse-systemagare': 'Appoint a system owner',
    undantag: 'Exception from a rule',
  },
  typeHelp: {
    driftgodkannande:
      'The system owner decides, then the chief executive for systems critical to society.',
    systemsakerhetsplan: 'The system owner decides.',
    'arliga-mal': 'The chief executive decides.',
    'styrande-dokument':
      "The document's owner decides, then the chief executive for the IT security policy.",
    'utse-systemagare': 'The chief executive decides.',
    undantag: 'The system owner decides, then an IT security coordinator.',
  },
  roles: {
    systemOwner: 'system owner',
    documentOwner: 'document owner',
    kommunchef: 'chief executive',
    sakerhetssamordnare: 'IT security coordinator',
  },
  statuses: {
    pending: 'Waiting for decision',
    approved: 'Approved',
    rejected: 'Rejected',
    withdrawn: 'Withdrawn',
  },
  form: {
    ...sv.form,
    title: 'Request approval',
    intro: 'Choose what is to be approved. The request goes to the right decision makers in turn.',
    labels: {
      type: 'Type of approval',
      subject: 'Concerns (system, document or year)',
      proposedOwner: 'Proposed system owner (only for "Appoint a system owner")',
      title: 'Title',
      justification: 'Justification',
      link: 'Link to the material (optional, https)',
      validUntil: 'The exception applies until (only for "Exception")',
    },
    placeholders: {
      title: 'E.g. "Operational approval after the upgrade"',
      justification: 'What is to be decided, and why?',
      link: 'https://',
    },
    systemPrefix: 'System',
    documentPrefix: 'Document',
    nextYearGoals: (year) => `Annual goals for ${year}`,
    noOwner: 'None (not applicable)',
    submit: 'Send request',
    fixErrors: 'Correct the marked fields and send again.',
    errors: {
      required: 'Please fill in this field.',
      tooLong: 'The text is too long.',
      unknownChoice: 'Choose one of the options.',
      subjectMismatch: 'This does not fit the type of approval (system, document or year).',
      noSecurityPlan: 'The system has no system security plan in the register.',
      invalidLink: 'The link must be a complete https address.',
      alreadyOwner: 'This person already owns the system.',
      badDate: 'Give a date as YYYY-MM-DD.',
      dateInPast: 'The date has already passed.',
      dateTooFar: 'An exception can apply for three years at most.',
      onlyRequester:
        'Only you could decide this request, and nobody decides their own request. Let someone else, for example an IT security coordinator, send it.',
    },
  },
  card: {
    ...sv.card,
    requestedBy: 'Requested by',
    subject: 'Concerns',
    status: 'Status',
    proposedOwner: 'Proposed system owner',
    validUntil: 'Applies until',
    justification: 'Justification',
    openLink: (host) => `Open the material (${host})`,
    steps: 'Order of decision',
    waitingFor: (names) => `Waiting for ${names}`,
    decided: (decision, name, when) => `${decision} by ${name} ${when}`,
    delegatedTo: (name) => `delegated to ${name}`,
    notStarted: 'Not started',
    approvedWord: 'Approved',
    rejectedWord: 'Rejected',
    yourTurn: 'Your decision is needed.',
    commentLabel: 'Comment (required to reject)',
    approve: 'Approve',
    reject: 'Reject',
    delegateLabel: 'Delegate the decision to',
    delegatePlaceholder: 'Choose or type a name',
    delegate: 'Delegate',
    withdraw: 'Withdraw request',
    history: 'History',
    escalated: 'Escalated to the chief executive',
    systemActor: 'The IT security bot',
    receipt: 'Your request has been sent. You will be told here when it is decided.',
    notice: {
      reminder: 'Reminder: this request is waiting for your decision.',
      escalation: (approver, days) =>
        `Escalation: the request has waited for ${approver} for ${days} working days.`,
      delegated: (by) => `${by} has delegated the decision to you.`,
    },
  },
  concluded: {
    approved: (title) => `Your request "${title}" has been approved.`,
    rejected: (title) => `Your request "${title}" has been rejected.`,
    withdrawn: (title) => `The request "${title}" has been withdrawn.`,
  },
  list: {
    title: 'Approvals',
    waiting: 'Waiting for your decision',
    mine: 'Your requests',
    none: 'None.',
    open: 'Show',
  },
  forbidden: 'You are not authorised to decide this request.',
  notFound: 'The request does not exist.',
  alreadyDecided: 'Already decided. The card shows the current state.',
  notYet: 'It is not your turn to decide yet.',
  commentRequired: 'Write a comment explaining the rejection.',
  commentTooLong: 'The comment is too long (at most 2000 characters).',
  unknownPerson: 'Choose a person from the list.',
  selfDelegation: 'You cannot delegate to yourself.',
  requesterDelegation: 'You cannot delegate the decision to the person who made the request.',
  conditions: {
    button: 'Approve with conditions',
    label: 'Conditions, one per line: each becomes a measure for the requester',
    dueLabel: 'The conditions are to be met by',
    save: 'Approve with these conditions',
    required: 'Write at least one condition.',
    tooMany: 'At most 10 conditions, each at most 120 characters.',
    date: 'Give the date the conditions are to be met by: from today and at most three years ahead.',
    notLast: 'Conditions are set by whoever makes the last decision.',
  },
};

export function approvalStringsFor(locale: Locale): ApprovalStrings {
  return locale === 'en' ? en : sv;
}
