import type { Locale } from '../platform/strings.js';
import type { MeasureOriginKind, MeasureStatus } from './domain/measure.js';
import type { MeasureFieldError, MeasureFormField } from './domain/measure.validation.js';

/** Reminder stages of a measure, as the reminders feature sends them. */
export type MeasureReminderStage = 'soon' | 'overdue' | 'coordinators' | 'kommunchef';

/** Everything people read about measures, Swedish first. */
export interface MeasureStrings {
  statuses: Record<MeasureStatus, string>;
  origins: Record<MeasureOriginKind, string>;
  fromIncident: (number: string) => string;
  form: {
    title: string;
    intro: string;
    fromIncident: (number: string) => string;
    decidedFromIncident: string;
    labels: Record<MeasureFormField, string>;
    placeholders: { title: string; description: string; owner: string; system: string };
    noSystem: string;
    submit: string;
    fixErrors: string;
    errors: Record<MeasureFieldError, string>;
  };
  card: {
    kind: string;
    owner: string;
    dueDate: string;
    overdue: (days: number) => string;
    system: string;
    origin: string;
    createdBy: string;
    status: string;
    whatToDo: string;
    whatWasDone: string;
    extensionAsked: (date: string, reason: string) => string;
    extensions: (count: number) => string;
    yourTurn: string;
    start: string;
    done: string;
    doneComment: string;
    saveDone: string;
    moreTime: string;
    newDate: string;
    reason: string;
    askMoreTime: string;
    decideExtension: (name: string, date: string) => string;
    approveExtension: string;
    rejectExtension: string;
    history: string;
    created: string;
    receipt: (owner: string) => string;
    notice: {
      assigned: (by: string) => string;
      extensionRequested: (name: string) => string;
      extensionApproved: (date: string) => string;
      extensionRejected: string;
      done: (name: string) => string;
      deviation: (name: string) => string;
      reminder: Record<MeasureReminderStage, (owner: string, dueDate: string) => string>;
    };
  };
  /** Lock screen and activity feed lines. */
  summaries: {
    assigned: (title: string) => string;
    extension: (title: string) => string;
    decided: (title: string) => string;
    done: (title: string) => string;
    deviation: (title: string) => string;
  };
  list: {
    title: string;
    mine: string;
    allOpen: string;
    none: string;
    open: string;
    item: (status: string, dueDate: string, owner: string, ageDays: number) => string;
  };
  control: {
    kind: string;
    system: string;
    wholeOrganisation: string;
    instruction: string;
    responsible: string;
    dueDate: string;
    what: string;
    ok: string;
    deviation: string;
    deviationLabel: string;
    sendDeviation: string;
    answeredOk: (name: string, date: string) => string;
    answeredDeviation: (name: string, date: string) => string;
    openMeasure: string;
    descriptionRequired: string;
    alreadyAnswered: string;
    notFound: string;
    receiptOk: string;
    receiptDeviation: string;
    reminder: Record<'due' | 'coordinators', (responsible: string, dueDate: string) => string>;
  };
  forbidden: string;
  notFound: string;
  onlyDeciders: string;
  alreadyDone: string;
  alreadyDecided: string;
  changed: string;
  extensionPending: string;
  commentRequired: string;
  reasonRequired: string;
  tooLong: string;
  badNewDate: string;
}

const days = (n: number, locale: string, one: string, many: string) =>
  `${new Intl.NumberFormat(locale).format(n)} ${n === 1 ? one : many}`;

const sv: MeasureStrings = {
  statuses: { open: 'Ej påbörjad', started: 'Påbörjad', done: 'Genomförd' },
  origins: {
    manual: 'Beslutad åtgärd',
    incident: 'Incident',
    control: 'Kontroll',
    'threat-analysis': 'Hotbildsanalys',
    exception: 'Undantag som har löpt ut',
    approval: 'Villkor i ett godkännande',
  },
  fromIncident: (number) => `Incident ${number}`,
  form: {
    title: 'Ny åtgärd',
    intro:
      'En åtgärd är något som ska göras till ett visst datum. Den som ansvarar får ett kort och påminnelser tills åtgärden är genomförd.',
    fromIncident: (number) => `Åtgärden följer av incident ${number}.`,
    decidedFromIncident: 'Öppna åtgärder som redan är beslutade för ärendet:',
    labels: {
      title: 'Rubrik',
      description: 'Vad ska göras?',
      owner: 'Ansvarig',
      dueDate: 'Klart senast',
      system: 'System (om det gäller ett)',
    },
    placeholders: {
      title: 'Till exempel: Inför tvåstegsverifiering för fjärråtkomst',
      description: 'Beskriv vad som ska göras och hur det syns att det är klart.',
      owner: 'Skriv ett namn',
      system: 'Inget särskilt system',
    },
    noSystem: 'Inget särskilt system',
    submit: 'Skapa åtgärd',
    fixErrors: 'Rätta det som är markerat och skicka igen.',
    errors: {
      required: 'Fyll i det här fältet.',
      tooLong: 'Texten är för lång.',
      unknownPerson: 'Personen finns inte i organisationens register.',
      unknownSystem: 'Systemet finns inte i registret.',
      badDate: 'Ange ett datum som ÅÅÅÅ-MM-DD.',
      dateInPast: 'Datumet har redan passerat.',
      dateTooFar: 'Välj ett datum inom tre år.',
    },
  },
  card: {
    kind: 'Åtgärd',
    owner: 'Ansvarig',
    dueDate: 'Klart senast',
    overdue: (n) => `försenad ${days(n, 'sv-SE', 'dag', 'dagar')}`,
    system: 'System',
    origin: 'Bakgrund',
    createdBy: 'Beslutad av',
    status: 'Status',
    whatToDo: 'Vad ska göras',
    whatWasDone: 'Vad som gjordes',
    extensionAsked: (date, reason) => `Ny tid begärd till ${date}: ${reason}`,
    extensions: (count) => `Tiden har förlängts ${count === 1 ? 'en gång' : `${count} gånger`}.`,
    yourTurn: 'Du är ansvarig för åtgärden.',
    start: 'Påbörjad',
    done: 'Genomförd',
    doneComment: 'Vad gjordes?',
    saveDone: 'Markera som genomförd',
    moreTime: 'Behöver mer tid',
    newDate: 'Nytt datum',
    reason: 'Varför behövs mer tid?',
    askMoreTime: 'Begär ny tid',
    decideExtension: (name, date) => `${name} ber om ny tid till ${date}.`,
    approveExtension: 'Godkänn nytt datum',
    rejectExtension: 'Avslå',
    history: 'Historik',
    created: 'Skapad',
    receipt: (owner) => `Åtgärden är skapad. ${owner} har fått den.`,
    notice: {
      assigned: (by) => `${by} har gett dig en åtgärd.`,
      extensionRequested: (name) => `${name} behöver mer tid för åtgärden.`,
      extensionApproved: (date) => `Den nya tiden är godkänd: klart senast ${date}.`,
      extensionRejected: 'Begäran om mer tid avslogs. Datumet gäller som förut.',
      done: (name) => `${name} har genomfört åtgärden.`,
      deviation: (name) => `${name} hittade en avvikelse vid en kontroll och ska åtgärda den.`,
      reminder: {
        soon: (_owner, due) => `Påminnelse: åtgärden ska vara klar senast ${due}.`,
        overdue: (_owner, due) => `Åtgärden skulle ha varit klar ${due}.`,
        coordinators: (owner, due) =>
          `Åtgärden är försenad: den skulle ha varit klar ${due}. Ansvarig: ${owner}.`,
        kommunchef: (owner, due) =>
          `Åtgärden är fortfarande inte genomförd, fast den skulle ha varit klar ${due}. Ansvarig: ${owner}.`,
      },
    },
  },
  summaries: {
    assigned: (title) => `Ny åtgärd: ${title}`,
    extension: (title) => `Begäran om mer tid: ${title}`,
    decided: (title) => `Svar om ny tid: ${title}`,
    done: (title) => `Åtgärd genomförd: ${title}`,
    deviation: (title) => title,
  },
  list: {
    title: 'Åtgärder',
    mine: 'Mina åtgärder',
    allOpen: 'Alla öppna åtgärder',
    none: 'Inga åtgärder.',
    open: 'Visa',
    item: (status, due, owner, age) =>
      `${status} · klart senast ${due} · ${owner} · ${days(age, 'sv-SE', 'dag', 'dagar')} sedan beslut`,
  },
  control: {
    kind: 'Kontroll',
    system: 'System',
    wholeOrganisation: 'Hela organisationen',
    instruction: 'Instruktion',
    responsible: 'Ansvarig',
    dueDate: 'Ska göras senast',
    what: 'Vad ska kontrolleras',
    ok: 'Utförd utan avvikelse',
    deviation: 'Avvikelse',
    deviationLabel: 'Vad avvek?',
    sendDeviation: 'Skicka avvikelsen',
    answeredOk: (name, date) => `Utförd utan avvikelse ${date} av ${name}.`,
    answeredDeviation: (name, date) => `Avvikelse rapporterad ${date} av ${name}:`,
    openMeasure: 'Visa åtgärden',
    descriptionRequired: 'Beskriv kort vad som avvek.',
    alreadyAnswered: 'Kontrollen är redan besvarad för det här datumet.',
    notFound: 'Kontrollen finns inte, eller inte för det datumet.',
    receiptOk: 'Tack! Kontrollen är registrerad som utförd.',
    receiptDeviation:
      'Tack! Avvikelsen är nu en åtgärd för dig, och säkerhetssamordnarna vet om den.',
    reminder: {
      due: (_who, due) => `Dags för kontrollen: den ska vara gjord senast ${due}.`,
      coordinators: (who, due) =>
        `Kontrollen är inte utförd: den skulle ha gjorts senast ${due}. Ansvarig: ${who}.`,
    },
  },
  forbidden: 'Du kan inte göra det här med åtgärden.',
  notFound: 'Åtgärden finns inte.',
  onlyDeciders:
    'Åtgärder beslutas av säkerhetssamordnare, systemägare och kommunchefen. Vänd dig till säkerhetssamordnaren.',
  alreadyDone: 'Åtgärden är redan genomförd.',
  alreadyDecided: 'Begäran om mer tid är redan besvarad.',
  changed: 'Åtgärden har ändrats av någon annan. Här är den som den är nu.',
  extensionPending: 'En begäran om mer tid väntar redan på svar.',
  commentRequired: 'Skriv kort vad som gjordes.',
  reasonRequired: 'Skriv varför mer tid behövs.',
  tooLong: 'Texten är för lång.',
  badNewDate: 'Det nya datumet måste vara senare än det nuvarande.',
};

const en: MeasureStrings = {
  statuses: { open: 'Not started', started: 'Started', done: 'Done' },
  origins: {
    manual: 'Decided measure',
    incident: 'Incident',
    control: 'Control',
    'threat-analysis': 'Threat analysis',
    exception: 'Exception that ran out',
    approval: 'Condition of an approval',
  },
  fromIncident: (number) => `Incident ${number}`,
  form: {
    title: 'New measure',
    intro:
      'A measure is something to be done by a date. The person responsible gets a card and reminders until it is done.',
    fromIncident: (number) => `The measure follows from incident ${number}.`,
    decidedFromIncident: 'Open measures already decided for the case:',
    labels: {
      title: 'Title',
      description: 'What is to be done?',
      owner: 'Responsible',
      dueDate: 'Done by',
      system: 'System (if it concerns one)',
    },
    placeholders: {
      title: 'For example: Require two-step verification for remote access',
      description: 'Describe what to do and how it shows that it is done.',
      owner: 'Type a name',
      system: 'No particular system',
    },
    noSystem: 'No particular system',
    submit: 'Create measure',
    fixErrors: 'Correct what is marked and send again.',
    errors: {
      required: 'Fill in this field.',
      tooLong: 'The text is too long.',
      unknownPerson: 'The person is not in the organisation register.',
      unknownSystem: 'The system is not in the register.',
      badDate: 'Give a date as YYYY-MM-DD.',
      dateInPast: 'The date has already passed.',
      dateTooFar: 'Choose a date within three years.',
    },
  },
  card: {
    kind: 'Measure',
    owner: 'Responsible',
    dueDate: 'Done by',
    overdue: (n) => `${days(n, 'en-GB', 'day', 'days')} late`,
    system: 'System',
    origin: 'Background',
    createdBy: 'Decided by',
    status: 'Status',
    whatToDo: 'What to do',
    whatWasDone: 'What was done',
    extensionAsked: (date, reason) => `More time asked for, until ${date}: ${reason}`,
    extensions: (count) => `The time has been extended ${count === 1 ? 'once' : `${count} times`}.`,
    yourTurn: 'You are responsible for this measure.',
    start: 'Started',
    done: 'Done',
    doneComment: 'What was done?',
    saveDone: 'Mark as done',
    moreTime: 'Need more time',
    newDate: 'New date',
    reason: 'Why is more time needed?',
    askMoreTime: 'Ask for more time',
    decideExtension: (name, date) => `${name} asks for more time, until ${date}.`,
    approveExtension: 'Approve new date',
    rejectExtension: 'Reject',
    history: 'History',
    created: 'Created',
    receipt: (owner) => `The measure is created. ${owner} has received it.`,
    notice: {
      assigned: (by) => `${by} has given you a measure.`,
      extensionRequested: (name) => `${name} needs more time for the measure.`,
      extensionApproved: (date) => `The new date is approved: done by ${date}.`,
      extensionRejected: 'The request for more time was rejected. The date stands.',
      done: (name) => `${name} has done the measure.`,
      deviation: (name) => `${name} found a deviation in a control and is to correct it.`,
      reminder: {
        soon: (_owner, due) => `Reminder: the measure is to be done by ${due}.`,
        overdue: (_owner, due) => `The measure was to be done by ${due}.`,
        coordinators: (owner, due) =>
          `The measure is late: it was to be done by ${due}. Responsible: ${owner}.`,
        kommunchef: (owner, due) =>
          `The measure is still not done, though it was due ${due}. Responsible: ${owner}.`,
      },
    },
  },
  summaries: {
    assigned: (title) => `New measure: ${title}`,
    extension: (title) => `Request for more time: ${title}`,
    decided: (title) => `Answer on more time: ${title}`,
    done: (title) => `Measure done: ${title}`,
    deviation: (title) => title,
  },
  list: {
    title: 'Measures',
    mine: 'My measures',
    allOpen: 'All open measures',
    none: 'No measures.',
    open: 'Show',
    item: (status, due, owner, age) =>
      `${status} · done by ${due} · ${owner} · decided ${days(age, 'en-GB', 'day', 'days')} ago`,
  },
  control: {
    kind: 'Control',
    system: 'System',
    wholeOrganisation: 'The whole organisation',
    instruction: 'Instruction',
    responsible: 'Responsible',
    dueDate: 'To be done by',
    what: 'What to check',
    ok: 'Done, no deviation',
    deviation: 'Deviation',
    deviationLabel: 'What deviated?',
    sendDeviation: 'Send the deviation',
    answeredOk: (name, date) => `Done without deviation on ${date} by ${name}.`,
    answeredDeviation: (name, date) => `Deviation reported on ${date} by ${name}:`,
    openMeasure: 'Show the measure',
    descriptionRequired: 'Describe briefly what deviated.',
    alreadyAnswered: 'The control has already been answered for this date.',
    notFound: 'The control does not exist, or not for that date.',
    receiptOk: 'Thank you! The control is recorded as done.',
    receiptDeviation:
      'Thank you! The deviation is now a measure for you, and the security coordinators know of it.',
    reminder: {
      due: (_who, due) => `Time for the control: it is to be done by ${due}.`,
      coordinators: (who, due) =>
        `The control is not done: it was due by ${due}. Responsible: ${who}.`,
    },
  },
  forbidden: 'You cannot do this with the measure.',
  notFound: 'The measure does not exist.',
  onlyDeciders:
    'Measures are decided by security coordinators, system owners and the chief executive. Ask the security coordinator.',
  alreadyDone: 'The measure is already done.',
  alreadyDecided: 'The request for more time has already been answered.',
  changed: 'Someone else changed the measure. Here it is as it is now.',
  extensionPending: 'A request for more time is already waiting for an answer.',
  commentRequired: 'Write briefly what was done.',
  reasonRequired: 'Write why more time is needed.',
  tooLong: 'The text is too long.',
  badNewDate: 'The new date must be later than the current one.',
};

export function measureStringsFor(locale: Locale): MeasureStrings {
  return locale === 'en' ? en : sv;
}
