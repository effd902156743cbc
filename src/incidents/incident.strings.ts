import type {
  Category,
  PersonalData,
  ReportKind,
  ReportStatus,
  Severity,
  Status,
} from './domain/incident.js';
import type { ReminderStage } from './domain/incident.clocks.js';
import type { FieldError, IncidentFormField } from './domain/incident.validation.js';
import type { IncidentRecipient } from './domain/incident.access.js';
import type { Locale } from '../platform/strings.js';

/** Everything staff read about incidents, Swedish first. */
export interface IncidentStrings {
  form: {
    title: string;
    intro: string;
    labels: Record<IncidentFormField, string>;
    placeholders: { title: string; description: string; supplier: string };
    unknownSystem: string;
    submit: string;
    fixErrors: string;
    /** On the form sent back when the person has reached the limit of reports a minute. */
    limited: (count: number) => string;
    errors: Record<FieldError, string>;
  };
  categories: Record<Category, string>;
  severities: Record<Severity, string>;
  personalData: Record<PersonalData, string>;
  statuses: Record<Status, string>;
  reports: Record<ReportKind, string>;
  reportStatuses: Record<ReportStatus, string>;
  /** Column headings of the incident register export (CSV). */
  register: Record<
    | 'number'
    | 'reportedAt'
    | 'discoveredAt'
    | 'startedAt'
    | 'endedAt'
    | 'status'
    | 'severity'
    | 'category'
    | 'system'
    | 'supplier'
    | 'personalData'
    | 'title'
    | 'description'
    | 'report'
    | 'reportStatus'
    | 'dueAt'
    | 'decidedBy'
    | 'decidedAt'
    | 'reason',
    string
  >;
  advice: Record<Category, string[]>;
  receipt: {
    title: (number: string) => string;
    thanks: string;
    nextSteps: string;
    dsoInformed: string;
    kommunchefInformed: string;
    adviceHeading: string;
    alreadyReported: (number: string) => string;
    listButton: string;
  };
  card: {
    facts: {
      status: string;
      severity: string;
      category: string;
      system: string;
      discovered: string;
      started: string;
      ended: string;
      supplier: string;
      reporter: string;
      assignee: string;
      personalData: string;
    };
    nobody: string;
    unknownSystem: string;
    description: string;
    clocks: string;
    due: (when: string) => string;
    notes: string;
    history: string;
    why: Record<IncidentRecipient['role'], string>;
    significantQuestion: string;
    take: string;
    save: string;
    notePlaceholder: string;
    addNote: string;
    markMade: string;
    markNotRequired: string;
    notSignificant: string;
    /** The reason field a *Krävs inte* / *Inte betydande* opens. */
    reasonLabel: { imy: string; csirt: string; dataSubjects: string };
    /** The art. 34 question and its answers. */
    dataSubjects: { question: string; yes: string; no: string };
    saveReason: string;
    reasonMissing: string;
    reasonHeading: string;
    endedDate: string;
    endedTime: string;
    changedByOther: string;
    reported: string;
    took: string;
    /** Under an excerpt: "De 5 senaste av 20". */
    latestOf: (shown: number, total: number) => string;
    showFull: string;
  };
  /**
   * Sent instead of an incident card Teams refused as too large: plain text, no user
   * text (Teams reads a text message as markdown). `notice` is the reminder, if any.
   */
  tooLarge: (number: string, notice?: string) => string;
  /** What the lock screen and the activity feed show of a routing card: the number only. */
  routedSummary: (number: string) => string;
  /** The whole incident, a page at a time (incident-full.card.ts). */
  full: {
    page: (page: number, pages: number) => string;
    previous: string;
    next: string;
    sent: string;
  };
  reminder: Record<ReminderStage, (report: string, number: string, due: string) => string>;
  statusChanged: (number: string, status: string) => string;
  /** To the coordinators: someone sent `count` reports within a minute and had to wait. */
  limitReached: (name: string, count: number) => string;
  list: { title: string; mine: string; toHandle: string; none: string; open: string };
  forbidden: string;
  notFound: string;
  noteTooLong: (max: number) => string;
  noteEmpty: string;
  reasonRequired: string;
  endedBeforeStart: string;
  reasonTooLong: (max: number) => string;
}

const sv: IncidentStrings = {
  form: {
    title: 'Rapportera en IT-incident',
    intro: 'Fyll i det du vet. Rapportera hellre en gång för mycket än en för lite.',
    labels: {
      title: 'Vad har hänt? (kort rubrik)',
      category: 'Typ av incident',
      system: 'Berört system',
      discoveredDate: 'När upptäcktes det? (datum)',
      discoveredTime: 'Klockslag',
      startedDate: 'När började det, om du vet? (datum)',
      startedTime: 'Klockslag',
      supplier: 'Leverantör (om det hände hos en leverantör)',
      description: 'Beskrivning',
      personalData: 'Kan personuppgifter vara berörda?',
      severity: 'Hur allvarligt ser det ut?',
    },
    placeholders: {
      title: 'T.ex. "Klickade på länk i misstänkt mejl"',
      description: 'Vad hände, vad har du gjort sedan, vilka kan vara berörda?',
      supplier: 'T.ex. "Molnlön AB"',
    },
    unknownSystem: 'Vet ej',
    submit: 'Skicka rapporten',
    fixErrors: 'Rätta det som är markerat och skicka igen.',
    limited: (count) =>
      `Du har skickat ${count} incidentrapporter den senaste minuten. Vänta en minut och skicka sedan den här igen; det du skrev finns kvar. Är det bråttom, ring IT-supporten.`,
    errors: {
      required: 'Fyll i det här fältet.',
      tooLong: 'Texten är för lång.',
      unknownChoice: 'Välj ett av alternativen.',
      invalidDate: 'Datum eller klockslag är inte giltigt.',
      inFuture: 'Tidpunkten kan inte ligga i framtiden.',
      supplierRequired: 'Skriv vilken leverantör det gäller.',
      startedAfterDiscovery: 'Incidenten kan inte ha börjat efter att den upptäcktes.',
    },
  },
  categories: {
    'skadlig-kod': 'Skadlig kod/virus',
    natfiske: 'Nätfiske (phishing)',
    'forlorad-utrustning': 'Förlorad eller stulen utrustning',
    'obehorig-atkomst': 'Obehörig åtkomst',
    informationslacka: 'Informationsläckage eller felskickad information',
    driftstorning: 'Driftstörning',
    leverantor: 'Incident hos en leverantör',
    ovrigt: 'Övrigt',
  },
  severities: { lag: 'Låg', medel: 'Medel', hog: 'Hög', kritisk: 'Kritisk' },
  personalData: { ja: 'Ja', nej: 'Nej', 'vet-ej': 'Vet ej' },
  statuses: {
    ny: 'Ny',
    mottagen: 'Mottagen',
    'under-utredning': 'Under utredning',
    atgardad: 'Åtgärdad',
    avslutad: 'Avslutad',
  },
  reports: {
    imy: 'Anmälan till {imy} (personuppgiftsincident), 72 timmar',
    'data-subjects': 'Information till de registrerade (GDPR artikel 34), vid hög risk',
    'csirt-early-warning': 'Tidig varning till {csirt}, 24 timmar',
    'csirt-notification': 'Incidentanmälan till {csirt}, 72 timmar',
    'csirt-progress': 'Lägesrapport till {csirt}, incidenten hanteras fortfarande',
    'csirt-final': 'Slutrapport till {csirt}, en månad efter incidentanmälan',
  },
  register: {
    number: 'Nummer',
    reportedAt: 'Rapporterad',
    discoveredAt: 'Upptäckt',
    startedAt: 'Började',
    endedAt: 'Slutade',
    status: 'Status',
    severity: 'Allvarlighetsgrad',
    category: 'Kategori',
    system: 'System',
    supplier: 'Leverantör',
    personalData: 'Personuppgifter',
    title: 'Rubrik',
    description: 'Beskrivning',
    report: 'Rapport',
    reportStatus: 'Rapportens status',
    dueAt: 'Senast',
    decidedBy: 'Beslutad av',
    decidedAt: 'Beslutad',
    reason: 'Motivering',
  },
  reportStatuses: {
    pending: 'Inte gjord',
    waiting: 'Väntar: en månad efter att incidenten hanterats',
    made: 'Gjord',
    'not-required': 'Krävs inte',
  },
  advice: {
    'skadlig-kod': [
      'Koppla bort datorn från nätverket (dra ur sladden, stäng av wifi) men stäng inte av den.',
      'Fortsätt inte arbeta på datorn och sätt inte in USB-minnen.',
      'Ring IT-supporten direkt.',
    ],
    natfiske: [
      'Klicka inte på fler länkar och öppna inga bilagor i meddelandet.',
      'Har du skrivit in ditt lösenord: byt det nu och berätta det för IT-supporten.',
      'Radera inte mejlet, det behövs i utredningen. Vidarebefordra det inte till kollegor.',
    ],
    'forlorad-utrustning': [
      'Anmäl förlusten eller stölden till polisen (114 14 eller polisen.se) och spara diarienumret.',
      'Ring IT-supporten så snart som möjligt så att enheten spärras och raderas på distans.',
      'Byt lösenord om det kan ha funnits sparat eller synligt på enheten.',
    ],
    'obehorig-atkomst': [
      'Byt ditt lösenord direkt om det gäller ditt konto.',
      'Ändra inget i systemet; notera vad du har sett och när (gärna en skärmbild).',
      'Berätta inte om misstanken för fler än de som behöver veta.',
    ],
    informationslacka: [
      'Har information skickats till fel mottagare: be mottagaren radera den och bekräfta det skriftligt.',
      'Skicka inget mer till samma mottagare förrän det är utrett.',
      'Berörs personuppgifter bedömer den som för nämndens räkning är personuppgiftsansvarig, med råd från dataskyddsombudet, om {imy} ska underrättas inom 72 timmar.',
    ],
    driftstorning: [
      'Kontrollera på intranätet om störningen redan är känd.',
      'Notera vad som inte fungerar och när det började.',
      'Använd verksamhetens reservrutiner så länge störningen pågår.',
    ],
    leverantor: [
      'Skriv vad leverantören har meddelat och när, och spara meddelandet.',
      'Logga inte in i leverantörens tjänst igen förrän IT-supporten säger att det går bra.',
    ],
    ovrigt: [
      'Beskriv så noga du kan vad som har hänt, och ändra inget i onödan.',
      'Kontakta IT-supporten om något brådskar.',
    ],
  },
  receipt: {
    title: (number) => `Tack! Din rapport har nummer ${number}`,
    thanks: 'Rapporten har sparats och skickats till IT-säkerhetssamordnarna.',
    nextSteps:
      'En samordnare tar hand om ärendet och hör av sig vid behov. Du får ett meddelande här när status ändras. Skriv "mina incidenter" för att se dina rapporter.',
    dsoInformed:
      'Den som beslutar om anmälan till {imy} och dataskyddsombudet har informerats eftersom personuppgifter kan vara berörda.',
    kommunchefInformed: 'Kommunchefen har informerats.',
    adviceHeading: 'Gör så här nu',
    alreadyReported: (number) => `Den här rapporten är redan skickad, som ${number}.`,
    listButton: 'Mina incidenter',
  },
  card: {
    facts: {
      status: 'Status',
      severity: 'Allvarlighet',
      category: 'Typ',
      system: 'System',
      discovered: 'Upptäckt',
      started: 'Började',
      ended: 'Upphörde',
      supplier: 'Leverantör',
      reporter: 'Rapporterad av',
      assignee: 'Handläggare',
      personalData: 'Personuppgifter',
    },
    nobody: 'Ingen ännu',
    unknownSystem: 'Okänt',
    description: 'Beskrivning',
    clocks: 'Tidsfrister',
    due: (when) => `senast ${when}`,
    notes: 'Anteckningar',
    history: 'Historik',
    why: {
      sakerhetssamordnare: 'Du får den här incidenten som IT-säkerhetssamordnare.',
      systemOwner: 'Du får den här incidenten som systemägare för det berörda systemet.',
      personuppgiftsansvarig:
        'Du får den här incidenten för att du beslutar för den personuppgiftsansvariga nämnden: personuppgifter kan vara berörda. En personuppgiftsincident ska anmälas till {imy} inom 72 timmar från upptäckten, om det inte är osannolikt att den medför en risk för de registrerade (GDPR artikel 33). Beslutet och skälen sparas i ärendet.',
      dataskyddsombud:
        'Du får den här incidenten som dataskyddsombud, för kännedom och råd: personuppgifter kan vara berörda. Beslutet om anmälan till {imy} fattas av den som är personuppgiftsansvarig; skriv dina råd som en anteckning.',
      ersattare:
        'Du får den här incidenten som kommunchefens ersättare: en anmälan till CSIRT är inte beslutad och tidsfristen är nära. Du kan markera den.',
      kommunchef:
        'Du får den här incidenten som kommunchef: den är allvarlig eller berör ett samhällsviktigt system.',
    },
    significantQuestion:
      'Är det en betydande incident enligt cybersäkerhetslagen? Då ska {csirt} få en tidig varning inom 24 timmar, en incidentanmälan inom 72 timmar och en slutrapport inom en månad.',
    take: 'Ta ärendet',
    save: 'Spara ändringar',
    notePlaceholder: 'Anteckning (valfritt)',
    addNote: 'Lägg till anteckning',
    markMade: 'Gjord',
    markNotRequired: 'Krävs inte',
    notSignificant: 'Inte betydande',
    reasonLabel: {
      imy: 'Varför krävs ingen anmälan? Till exempel: osannolikt att den medför en risk för de registrerade, och varför.',
      csirt: 'Varför är incidenten inte betydande enligt cybersäkerhetslagen?',
      dataSubjects:
        'Varför behöver de registrerade inte informeras? Till exempel: ingen hög risk för deras rättigheter, uppgifterna var krypterade, eller åtgärder har tagit bort risken.',
    },
    dataSubjects: {
      question:
        'Beslut behövs: ska de registrerade informeras? Det krävs om incidenten sannolikt leder till en hög risk för deras rättigheter och friheter.',
      yes: 'Ja, de ska informeras',
      no: 'Nej',
    },
    saveReason: 'Spara motiveringen',
    reasonMissing: 'Skriv en motivering.',
    reasonHeading: 'Motivering',
    endedDate: 'Incidenten upphörde (datum), när den är över',
    endedTime: 'Klockslag',
    changedByOther:
      'Ärendet hade ändrats av någon annan. Här är det aktuella läget; gör om ändringen om den fortfarande behövs.',
    reported: 'rapporterade incidenten',
    took: 'tog ärendet',
    latestOf: (shown, total) =>
      `De ${shown} senaste av ${new Intl.NumberFormat('sv-SE').format(total)}.`,
    showFull: 'Visa hela ärendet',
  },
  routedSummary: (number) => `Ny incident att hantera: ${number}`,
  tooLarge: (number, notice) =>
    [
      notice,
      `Kortet om ${number} blev för stort för Teams och kunde inte visas.`,
      `Skriv "mina incidenter" och öppna ${number} där.`,
    ]
      .filter(Boolean)
      .join(' '),
  full: {
    page: (page, pages) => `Hela ärendet · Sida ${page} av ${pages}`,
    previous: 'Föregående sida',
    next: 'Nästa sida',
    sent: 'Hela ärendet kommer i ett nytt meddelande.',
  },
  reminder: {
    'half-time': (report, number, due) =>
      `Påminnelse ${number}: halva tiden har gått för "${report}" (${due}).`,
    'due-soon': (report, number, due) =>
      `Snart för sent ${number}: "${report}" ska vara gjord ${due}.`,
    overdue: (report, number, due) =>
      `Tidsfristen har passerats ${number}: "${report}" skulle vara gjord ${due}. Markera den som gjord eller inte krävd.`,
  },
  statusChanged: (number, status) => `Din incident ${number} har fått status: ${status}.`,
  limitReached: (name, count) =>
    `${name} har skickat ${count} incidentrapporter på en minut, och fler tas inte emot förrän minuten har gått. Se efter om något större har hänt, eller om formuläret skickas av misstag eller i missbruk. Du får det här meddelandet en gång per person och dag.`,
  list: {
    title: 'Incidenter',
    mine: 'Dina rapporter',
    toHandle: 'Öppna incidenter att hantera',
    none: 'Inga incidenter.',
    open: 'Visa',
  },
  forbidden: 'Du har inte behörighet till den här incidenten.',
  notFound: 'Incidenten finns inte.',
  noteTooLong: (max) => `Anteckningen är för lång (högst ${max} tecken).`,
  noteEmpty: 'Skriv en anteckning först.',
  reasonRequired: 'Skriv varför anmälan inte krävs. Motiveringen sparas i ärendet.',
  endedBeforeStart: 'Incidenten kan inte ha upphört innan den började.',
  reasonTooLong: (max) => `Motiveringen är för lång (högst ${max} tecken).`,
};

const en: IncidentStrings = {
  ...sv,
  form: {
    title: 'Report an IT incident',
    intro: 'Fill in what you know. Better to report once too often than once too few.',
    labels: {
      title: 'What happened? (short title)',
      category: 'Type of incident',
      system: 'Affected system',
      discoveredDate: 'When was it discovered? (date)',
      discoveredTime: 'Time',
      startedDate: 'When did it start, if you know? (date)',
      startedTime: 'Time',
      supplier: 'Supplier (if it happened at a supplier)',
      description: 'Description',
      personalData: 'Could personal data be involved?',
      severity: 'How serious does it look?',
    },
    placeholders: {
      title: 'E.g. "Clicked a link in a suspicious e-mail"',
      description: 'What happened, what have you done since, who may be affected?',
      supplier: 'E.g. "Molnlön AB"',
    },
    unknownSystem: "Don't know",
    submit: 'Send the report',
    fixErrors: 'Correct the marked fields and send again.',
    limited: (count) =>
      `You have sent ${count} incident reports in the last minute. Wait a minute, then send this one again; what you wrote is kept. If it is urgent, call the IT support.`,
    errors: {
      required: 'Please fill in this field.',
      tooLong: 'The text is too long.',
      unknownChoice: 'Choose one of the options.',
      invalidDate: 'The date or time is not valid.',
      inFuture: 'The time cannot be in the future.',
      supplierRequired: 'Write which supplier it is.',
      startedAfterDiscovery: 'The incident cannot have started after it was discovered.',
    },
  },
  categories: {
    'skadlig-kod': 'Malware/virus',
    natfiske: 'Phishing',
    'forlorad-utrustning': 'Lost or stolen equipment',
    'obehorig-atkomst': 'Unauthorised access',
    informationslacka: 'Information leak or misdirected information',
    driftstorning: 'Service disruption',
    leverantor: 'Incident at a supplier',
    ovrigt: 'Other',
  },
  severities: { lag: 'Low', medel: 'Medium', hog: 'High', kritisk: 'Critical' },
  personalData: { ja: 'Yes', nej: 'No', 'vet-ej': "Don't know" },
  statuses: {
    ny: 'New',
    mottagen: 'Received',
    'under-utredning': 'Under investigation',
    atgardad: 'Remedied',
    avslutad: 'Closed',
  },
  reports: {
    imy: 'Notification to {imy} (personal data breach), 72 hours',
    'data-subjects': 'Informing the data subjects (GDPR Article 34), if the risk is high',
    'csirt-early-warning': 'Early warning to {csirt}, 24 hours',
    'csirt-notification': 'Incident notification to {csirt}, 72 hours',
    'csirt-progress': 'Progress report to {csirt}, the incident is still being handled',
    'csirt-final': 'Final report to {csirt}, one month after the notification',
  },
  register: {
    number: 'Number',
    reportedAt: 'Reported',
    discoveredAt: 'Discovered',
    startedAt: 'Started',
    endedAt: 'Ended',
    status: 'Status',
    severity: 'Severity',
    category: 'Category',
    system: 'System',
    supplier: 'Supplier',
    personalData: 'Personal data',
    title: 'Title',
    description: 'Description',
    report: 'Report',
    reportStatus: 'Report status',
    dueAt: 'Due',
    decidedBy: 'Decided by',
    decidedAt: 'Decided',
    reason: 'Reason',
  },
  reportStatuses: {
    pending: 'Not made',
    waiting: 'Waiting: one month after the incident has been handled',
    made: 'Made',
    'not-required': 'Not required',
  },
  advice: {
    'skadlig-kod': [
      'Disconnect the computer from the network (cable out, Wi-Fi off) but do not switch it off.',
      'Stop working on it and do not insert USB sticks.',
      'Call the IT support at once.',
    ],
    natfiske: [
      'Do not click any more links or open attachments in the message.',
      'If you typed your password: change it now and tell the IT support.',
      'Do not delete the e-mail, it is needed for the investigation. Do not forward it to colleagues.',
    ],
    'forlorad-utrustning': [
      'Report the loss or theft to the police (114 14 or polisen.se) and keep the reference number.',
      'Call the IT support as soon as possible so the device is blocked and wiped remotely.',
      'Change passwords that may have been stored or visible on the device.',
    ],
    'obehorig-atkomst': [
      'Change your password at once if your account is concerned.',
      'Change nothing in the system; note what you saw and when (a screenshot helps).',
      'Do not discuss the suspicion with more people than need to know.',
    ],
    informationslacka: [
      'If information went to the wrong recipient: ask them to delete it and confirm in writing.',
      'Send nothing more to the same recipient until it has been investigated.',
      'If personal data is involved, the person acting for the committee that is controller decides, advised by the data protection officer, whether {imy} must be notified within 72 hours.',
    ],
    driftstorning: [
      'Check the intranet whether the disruption is already known.',
      'Note what does not work and when it started.',
      'Use your service’s fallback routines while the disruption lasts.',
    ],
    leverantor: [
      'Write down what the supplier has told you and when, and keep the message.',
      'Do not log in to the supplier’s service again until the IT support says it is safe.',
    ],
    ovrigt: [
      'Describe as precisely as you can what happened, and change nothing unnecessarily.',
      'Contact the IT support if it is urgent.',
    ],
  },
  receipt: {
    title: (number) => `Thank you! Your report is number ${number}`,
    thanks: 'The report has been saved and sent to the IT security coordinators.',
    nextSteps:
      'A coordinator takes the case and contacts you if needed. You get a message here when the status changes. Type "my incidents" to see your reports.',
    dsoInformed:
      'The person who decides on notifying {imy} and the data protection officer have been informed because personal data may be involved.',
    kommunchefInformed: 'The chief executive (kommunchef) has been informed.',
    adviceHeading: 'Do this now',
    alreadyReported: (number) => `This report has already been sent, as ${number}.`,
    listButton: 'My incidents',
  },
  card: {
    facts: {
      status: 'Status',
      severity: 'Severity',
      category: 'Type',
      system: 'System',
      discovered: 'Discovered',
      started: 'Started',
      ended: 'Ended',
      supplier: 'Supplier',
      reporter: 'Reported by',
      assignee: 'Handled by',
      personalData: 'Personal data',
    },
    nobody: 'Nobody yet',
    unknownSystem: 'Unknown',
    description: 'Description',
    clocks: 'Deadlines',
    due: (when) => `by ${when}`,
    notes: 'Notes',
    history: 'History',
    why: {
      sakerhetssamordnare: 'You receive this incident as IT security coordinator.',
      systemOwner: 'You receive this incident as system owner of the affected system.',
      personuppgiftsansvarig:
        'You receive this incident because you decide for the committee that is controller: personal data may be involved. A personal data breach must be notified to {imy} within 72 hours of discovery unless it is unlikely to result in a risk to the data subjects (GDPR Article 33). The decision and its reasons are kept with the case.',
      dataskyddsombud:
        'You receive this incident as data protection officer, for information and advice: personal data may be involved. The controller decides on notifying {imy}; write your advice as a note.',
      ersattare:
        "You receive this incident as the chief executive's deputy: a report to the CSIRT has not been decided and its deadline is near. You may mark it.",
      kommunchef:
        'You receive this incident as chief executive: it is serious or affects a system critical to society.',
    },
    significantQuestion:
      'Is it a significant incident under the Cybersecurity Act? Then {csirt} must get an early warning within 24 hours, a notification within 72 hours and a final report within one month.',
    take: 'Take the case',
    save: 'Save changes',
    notePlaceholder: 'Note (optional)',
    addNote: 'Add note',
    markMade: 'Made',
    markNotRequired: 'Not required',
    notSignificant: 'Not significant',
    reasonLabel: {
      imy: 'Why is no notification required? For example: unlikely to result in a risk to the data subjects, and why.',
      csirt: 'Why is the incident not significant under the Cybersecurity Act?',
      dataSubjects:
        'Why need the data subjects not be informed? For example: no high risk to their rights, the data was encrypted, or measures have removed the risk.',
    },
    dataSubjects: {
      question:
        'Decision needed: must the data subjects be informed? It is required when the breach is likely to result in a high risk to their rights and freedoms.',
      yes: 'Yes, inform them',
      no: 'No',
    },
    saveReason: 'Save the reason',
    reasonMissing: 'Write a reason.',
    reasonHeading: 'Reason',
    endedDate: 'The incident ended (date), once it is over',
    endedTime: 'Time',
    changedByOther:
      'Someone else had changed the case. Here is its current state; repeat your change if it is still needed.',
    reported: 'reported the incident',
    took: 'took the case',
    latestOf: (shown, total) =>
      `The latest ${shown} of ${new Intl.NumberFormat('en-GB').format(total)}.`,
    showFull: 'Show the whole incident',
  },
  routedSummary: (number) => `New incident to handle: ${number}`,
  tooLarge: (number, notice) =>
    [
      notice,
      `The card about ${number} was too large for Teams and could not be shown.`,
      `Write "my incidents" and open ${number} there.`,
    ]
      .filter(Boolean)
      .join(' '),
  full: {
    page: (page, pages) => `The whole incident · Page ${page} of ${pages}`,
    previous: 'Previous page',
    next: 'Next page',
    sent: 'The whole incident follows in a new message.',
  },
  reminder: {
    'half-time': (report, number, due) =>
      `Reminder ${number}: half the time has passed for "${report}" (${due}).`,
    'due-soon': (report, number, due) => `Almost too late ${number}: "${report}" is due ${due}.`,
    overdue: (report, number, due) =>
      `Deadline passed ${number}: "${report}" was due ${due}. Mark it as made or not required.`,
  },
  statusChanged: (number, status) => `Your incident ${number} now has the status: ${status}.`,
  limitReached: (name, count) =>
    `${name} has sent ${count} incident reports in one minute; more are not accepted until the minute has passed. Check whether something bigger has happened, or whether the form is being sent by mistake or misused. You get this message once per person and day.`,
  list: {
    title: 'Incidents',
    mine: 'Your reports',
    toHandle: 'Open incidents to handle',
    none: 'No incidents.',
    open: 'Show',
  },
  forbidden: 'You are not authorised to see this incident.',
  notFound: 'The incident does not exist.',
  noteTooLong: (max) => `The note is too long (at most ${max} characters).`,
  noteEmpty: 'Write a note first.',
  reasonRequired: 'Write why no report is required. The reason is kept with the case.',
  endedBeforeStart: 'The incident cannot have ended before it started.',
  reasonTooLong: (max) => `The reason is too long (at most ${max} characters).`,
};

/** What the organisation calls the authorities reports go to (`authorities` in the org file). */
export interface AuthorityNames {
  /** The supervisory authority for personal-data breaches (GDPR art. 33). */
  dataProtection: string;
  /** The CSIRT that receives reports under cybersäkerhetslagen (2025:1506). */
  csirt: string;
}

/** As of December 2026: IMY, and the CSIRT function (CERT-SE) of Myndigheten för civilt försvar. */
export const DEFAULT_AUTHORITIES: AuthorityNames = { dataProtection: 'IMY', csirt: 'CSIRT (MCF)' };

const named = new Map<string, IncidentStrings>();

/**
 * The incident strings in `locale`, with the authorities named as the organisation file
 * says (or the defaults). Built once per locale and names.
 */
export function incidentStringsFor(
  locale: Locale,
  authorities?: Partial<AuthorityNames>,
): IncidentStrings {
  const names = { ...DEFAULT_AUTHORITIES, ...authorities };
  const key = JSON.stringify([locale, names.dataProtection, names.csirt]);
  let strings = named.get(key);
  if (!strings) {
    const fill = (text: string) =>
      text.replaceAll('{imy}', names.dataProtection).replaceAll('{csirt}', names.csirt);
    strings = withNames(locale === 'en' ? en : sv, fill) as IncidentStrings;
    named.set(key, strings);
  }
  return strings;
}

/** The table with `fill` applied to every text in it, and to what every function returns. */
function withNames(value: unknown, fill: (text: string) => string): unknown {
  if (typeof value === 'string') return fill(value);
  if (Array.isArray(value)) return value.map((v) => withNames(v, fill));
  if (typeof value === 'function')
    return (...args: unknown[]) =>
      withNames((value as (...a: unknown[]) => unknown)(...args), fill);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withNames(v, fill)]));
  return value;
}
