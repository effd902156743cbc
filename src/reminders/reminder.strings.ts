import type { GoalStatus } from './domain/goal.js';
import type {
  ControlStage,
  ExceptionStage,
  MeasureStage,
  RevisionStage,
} from './domain/reminder.js';
import type { Locale } from '../platform/strings.js';

/** What staff read in reminders, goal follow-up, the rules acknowledgement and the annual report. */
export interface ReminderStrings {
  /** A whole number as the language writes it (sv "5 000", en "5,000"). */
  count: (n: number) => string;
  /** A share of `whole` in per cent with one decimal (sv "84,2 %", en "84.2%"). */
  percent: (part: number, whole: number) => string;
  /** Under a list that shows only its first entries: "… och 280 till." */
  more: (hidden: number) => string;

  titles: {
    goal: (goal: string, checkpoint: string, kind: 'follow-up' | 'deadline') => string;
    planning: (year: number) => string;
    revision: (document: string, stage: RevisionStage) => string;
    threatAnalysis: (system: string) => string;
    awareness: string;
    report: (year: number) => string;
    measure: (title: string, stage: MeasureStage) => string;
    control: (title: string, stage: ControlStage) => string;
    exception: (title: string, stage: ExceptionStage) => string;
  };
  exception: {
    heading: string;
    text: (title: string, date: string) => string;
    facts: { exception: string; validUntil: string };
    button: string;
    ended: string;
    measureTitle: (title: string) => string;
    measureDescription: (title: string, date: string) => string;
  };
  late: (due: string) => string;
  goalStatuses: Record<GoalStatus, string>;
  noStatus: string;
  goal: {
    heading: string;
    followUpIntro: (date: string) => string;
    deadlineIntro: (date: string) => string;
    facts: {
      what: string;
      deadline: string;
      responsible: string;
      resources: string;
      followUp: string;
      reporting: string;
      staffInformation: string;
      latest: string;
    };
    latest: (status: string, date: string, by: string) => string;
    statusLabel: string;
    commentLabel: string;
    commentPlaceholder: string;
    submit: string;
    saved: (status: string) => string;
    forbidden: string;
    notFound: string;
    badCheckpoint: string;
    commentTooLong: (max: number) => string;
  };
  goalList: {
    heading: (year: number) => string;
    none: (year: number) => string;
    line: (deadline: string, responsible: string, status: string) => string;
    comment: (comment: string) => string;
    approved: (date: string) => string;
    notApproved: string;
  };
  planning: {
    heading: (year: number) => string;
    text: (year: number) => string;
    policy: string;
    button: string;
  };
  revision: {
    heading: Record<RevisionStage, string>;
    text: Record<RevisionStage, (document: string, dueDate: string) => string>;
    facts: { document: string; owner: string; approvedAt: string; dueDate: string };
    button: string;
  };
  threat: {
    heading: string;
    text: (system: string) => string;
    facts: { system: string; lastReview: string };
    never: string;
    commentLabel: string;
    commentPlaceholder: string;
    confirm: string;
    confirmed: (at: string, by: string) => string;
    alreadyConfirmed: (at: string, by: string) => string;
    forbidden: string;
    notFound: string;
    commentTooLong: (max: number) => string;
    changed: string;
    labels: {
      threats: string;
      vulnerabilities: string;
      consequences: string;
      measureTitle: string;
      measureDue: string;
    };
    saveChanges: string;
    changesHeading: string;
    openMeasure: string;
    changesRequired: string;
    measureDate: string;
    measureTitle: string;
    measureCreated: string;
  };
  awareness: {
    heading: string;
    intro: string;
    outro: string;
    button: string;
    rulesButton: string;
    acknowledged: (at: string) => string;
    alreadyAcknowledged: (at: string) => string;
    notFound: string;
  };
  acknowledgements: {
    heading: string;
    facts: { campaign: string; sent: string; acknowledged: string; share: string };
    none: string;
    forbidden: string;
  };
  list: {
    heading: string;
    intro: (days: number) => string;
    none: string;
  };
  report: {
    heading: (year: number) => string;
    subtitle: (organisation: string, date: string) => string;
    goals: string;
    noGoals: string;
    revisionsDone: string;
    noRevisionsDone: string;
    revisionsOverdue: string;
    noRevisionsOverdue: string;
    threatReviews: string;
    noThreatSystems: string;
    lastReviewed: (date: string) => string;
    notReviewed: string;
    incidents: string;
    noIncidents: string;
    notReported: string;
    noNotReported: string;
    notReportedColumns: string[];
    approvals: string;
    noApprovals: string;
    approvalCounts: (approved: number, rejected: number) => string;
    awareness: string;
    noAwareness: string;
    awarenessShare: (acknowledged: number, recipients: number) => string;
    measures: string;
    noMeasures: string;
    measureCounts: (
      decided: number,
      done: number,
      overdue: number,
      medianDays: number | null,
    ) => string;
    measuresOverdue: string;
    noMeasuresOverdue: string;
    measureDue: (date: string, owner: string) => string;
    forbidden: string;
    exceptionsEnded: string;
    noExceptionsEnded: string;
    exceptionEnded: (date: string, owner: string) => string;
    controls: string;
    noControls: string;
    wholeOrganisation: string;
    controlCounts: (due: number, done: number, deviations: number) => string;
    approvedOn: (date: string) => string;
    dueOn: (date: string, owner: string) => string;
    months: string[];
    csvHeader: string[];
    csvSections: {
      goal: string;
      revisionDone: string;
      revisionOverdue: string;
      threatReview: string;
      incidents: string;
      notReported: string;
      approvals: string;
      awareness: string;
      measures: string;
      measureOverdue: string;
      control: string;
      exceptionEnded: string;
    };
  };
  notInOrganisation: string;
}

const numberFormats = (tag: string) => {
  const whole = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const share = new Intl.NumberFormat(tag, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return [
    (n: number) => whole.format(n),
    (part: number, total: number) => share.format(total === 0 ? 0 : part / total),
  ] as const;
};
const [svCount, svPercent] = numberFormats('sv-SE');
const [enCount, enPercent] = numberFormats('en-GB');

const sv: ReminderStrings = {
  count: svCount,
  percent: svPercent,
  more: (hidden) => `… och ${svCount(hidden)} till.`,
  titles: {
    goal: (goal, checkpoint, kind) =>
      kind === 'deadline'
        ? `Årligt mål: ${goal} – sluttidpunkt ${checkpoint}`
        : `Årligt mål: ${goal} – uppföljning ${checkpoint}`,
    planning: (year) => `Förbered årliga mål för ${year}`,
    revision: (document, stage) =>
      stage === 'overdue'
        ? `Revidering försenad: ${document}`
        : stage === 'due'
          ? `Dags att revidera: ${document}`
          : `Revidering om 30 dagar: ${document}`,
    threatAnalysis: (system) => `Hotbildsanalys: ${system}`,
    awareness: 'Årlig genomgång av IT-säkerhetsreglerna för användare',
    report: (year) => `Årlig uppföljning av IT-säkerhetsarbetet ${year}`,
    measure: (title, stage) =>
      stage === 'soon'
        ? `Åtgärd snart: ${title}`
        : stage === 'overdue'
          ? `Åtgärd försenad: ${title}`
          : `Försenad åtgärd: ${title}`,
    control: (title, stage) =>
      stage === 'due' ? `Kontroll: ${title}` : `Kontroll inte utförd: ${title}`,
    exception: (title, stage) =>
      stage === 'ending' ? `Undantag upphör snart: ${title}` : `Undantaget har löpt ut: ${title}`,
  },
  exception: {
    heading: 'Ett undantag upphör snart',
    text: (title, date) =>
      `Undantaget "${title}" gäller till och med ${date}. Därefter blir det en åtgärd för dig: se till att regeln kan följas, eller begär ett nytt undantag i tid.`,
    facts: { exception: 'Undantag', validUntil: 'Gäller till och med' },
    button: 'Begär nytt undantag',
    ended: 'Undantaget har löpt ut: åtgärda eller begär nytt.',
    measureTitle: (title) => `Undantaget har löpt ut: ${title}`,
    measureDescription: (title, date) =>
      `Undantaget "${title}" gällde till och med ${date}. Se till att regeln följs, eller begär ett nytt undantag.`,
  },
  late: (due) => `Försenad påminnelse: den skulle ha kommit ${due}.`,
  goalStatuses: { genomford: 'Genomförd', pagar: 'Pågår', forsenad: 'Försenad' },
  noStatus: 'Inte uppföljd än',
  goal: {
    heading: 'Uppföljning av årligt mål',
    followUpIntro: (date) =>
      `Målet ska följas upp ${date}. Hur går det? Svara med status och en kommentar.`,
    deadlineIntro: (date) =>
      `Sluttidpunkten för målet är ${date}. Är målet nått? Svara med status och en kommentar.`,
    facts: {
      what: 'Vad ska göras',
      deadline: 'Sluttidpunkt',
      responsible: 'Ansvarig',
      resources: 'Resurser',
      followUp: 'Uppföljning',
      reporting: 'Avrapportering',
      staffInformation: 'Information och utbildning',
      latest: 'Senaste status',
    },
    latest: (status, date, by) => `${status} (${date}, ${by})`,
    statusLabel: 'Status',
    commentLabel: 'Kommentar',
    commentPlaceholder: 'Vad är gjort, vad återstår, behövs hjälp?',
    submit: 'Skicka uppföljning',
    saved: (status) => `Tack! Uppföljningen är sparad med status ${status}.`,
    forbidden: 'Du har inte behörighet: bara den som är ansvarig för målet kan svara.',
    notFound: 'Målet finns inte längre i målregistret.',
    badCheckpoint: 'Uppföljningsdatumet hör inte till målet.',
    commentTooLong: (max) => `Kommentaren får vara högst ${max} tecken.`,
  },
  goalList: {
    heading: (year) => `Årliga mål ${year}`,
    none: (year) => `Det finns inga årliga mål för ${year} i målregistret.`,
    line: (deadline, responsible, status) =>
      `Sluttidpunkt ${deadline} · ${responsible} · ${status}`,
    comment: (comment) => `Kommentar: ${comment}`,
    approved: (date) => `Fastställda av kommunchefen ${date}.`,
    notApproved: 'Inte fastställda genom ett godkännande i boten.',
  },
  planning: {
    heading: (year) => `Dags att förbereda årliga mål för ${year}`,
    text: (year) =>
      `Årliga mål för IT-säkerhetsarbetet ${year} ska beslutas i verksamhetsplaneringen. För varje mål: vad ska göras, tidplan och sluttidpunkt, resurser, när och hur uppföljning och avrapportering sker, och när och hur medarbetarna informeras och utbildas.`,
    policy: 'IT-säkerhetspolicy 2.2',
    button: 'Begär godkännande av årliga mål',
  },
  revision: {
    heading: {
      soon: 'Revidering om 30 dagar',
      due: 'Dags att revidera',
      overdue: 'Revideringen är försenad',
    },
    text: {
      soon: (d, date) => `${d} ska följas upp och vid behov revideras senast ${date}.`,
      due: (d, date) => `${d} ska följas upp och vid behov revideras i dag (${date}).`,
      overdue: (d, date) =>
        `${d} skulle ha följts upp och reviderats senast ${date}, och har inte godkänts på nytt.`,
    },
    facts: {
      document: 'Dokument',
      owner: 'Ägare',
      approvedAt: 'Senast godkänt',
      dueDate: 'Ska revideras senast',
    },
    button: 'Begär godkännande av reviderat dokument',
  },
  threat: {
    heading: 'Dags att se över hotbilden',
    text: (system) =>
      `${system} är ett samhällsviktigt system. Hotbilden ska analyseras löpande: gå igenom den och bekräfta här när det är gjort.`,
    facts: { system: 'System', lastReview: 'Senast bekräftad' },
    never: 'Aldrig',
    commentLabel: 'Kommentar (valfri)',
    commentPlaceholder: 'Förändringar i hotbilden, åtgärder',
    confirm: 'Hotbilden är genomgången',
    confirmed: (at, by) => `Bekräftat ${at} av ${by}. Tack!`,
    alreadyConfirmed: (at, by) => `Redan bekräftat ${at} av ${by}.`,
    forbidden: 'Du har inte behörighet: bara systemägaren kan bekräfta hotbildsanalysen.',
    notFound: 'Påminnelsen hittades inte.',
    commentTooLong: (max) => `Kommentaren får vara högst ${max} tecken.`,
    changed: 'Hotbilden har ändrats',
    labels: {
      threats: 'Nya eller ändrade hot',
      vulnerabilities: 'Sårbarheter',
      consequences: 'Konsekvenser',
      measureTitle: 'Åtgärd som behövs (valfri)',
      measureDue: 'Åtgärden klar senast',
    },
    saveChanges: 'Spara ändringarna',
    changesHeading: 'Ändringar i hotbilden',
    openMeasure: 'Visa åtgärden',
    changesRequired: 'Skriv vad som har ändrats i minst ett av fälten.',
    measureDate: 'Ange när åtgärden ska vara klar: ett datum från i dag och högst tre år fram.',
    measureTitle: 'Ge åtgärden en rubrik på högst 120 tecken.',
    measureCreated: 'Åtgärden är skapad, med dig som ansvarig.',
  },
  awareness: {
    heading: 'Årlig genomgång: IT-säkerhetsreglerna för dig som användare',
    intro:
      'Alla medarbetare ska känna till IT-säkerhetsinstruktionen Användare. Här är en sammanfattning av de fem områdena. Skriv "regler" för att läsa mer, eller ställ en fråga när som helst.',
    outro: 'Läs igenom sammanfattningen och bekräfta att du har läst och förstått reglerna.',
    button: 'Jag har läst och förstått',
    rulesButton: 'Läs reglerna',
    acknowledged: (at) => `Tack! Din bekräftelse är sparad (${at}).`,
    alreadyAcknowledged: (at) => `Du bekräftade redan ${at}.`,
    notFound: 'Det här meddelandet är inte adresserat till dig.',
  },
  acknowledgements: {
    heading: 'Kvittenser: årlig genomgång av reglerna',
    facts: {
      campaign: 'Skickat',
      sent: 'Mottagare',
      acknowledged: 'Har bekräftat',
      share: 'Andel',
    },
    none: 'Den årliga genomgången av reglerna har inte skickats än.',
    forbidden:
      'Du har inte behörighet: kvittenserna visas för IT-säkerhetssamordnare och kommunchefen.',
  },
  list: {
    heading: 'Dina kommande påminnelser',
    intro: (days) =>
      `Påminnelser till dig de närmaste ${days} dagarna (tider i kommunens tidszon).`,
    none: 'Du har inga påminnelser de närmaste månaderna.',
  },
  report: {
    heading: (year) => `Årlig uppföljning av IT-säkerhetsarbetet ${year}`,
    subtitle: (organisation, date) => `${organisation} · IT-säkerhetspolicy 5 · ${date}`,
    goals: 'Årliga mål',
    noGoals: 'Inga årliga mål för året.',
    revisionsDone: 'Reviderade och godkända dokument',
    noRevisionsDone: 'Inga dokument godkändes under året.',
    revisionsOverdue: 'Försenade revideringar',
    noRevisionsOverdue: 'Inga revideringar är försenade.',
    threatReviews: 'Hotbildsanalyser av samhällsviktiga system',
    noThreatSystems: 'Inga samhällsviktiga system i registret.',
    lastReviewed: (date) => `bekräftad ${date}`,
    notReviewed: 'inte bekräftad under året',
    incidents: 'Incidenter per kategori och månad',
    noIncidents: 'Inga incidenter rapporterades under året.',
    notReported: 'Beslut att inte anmäla',
    noNotReported: 'Inga beslut att inte anmäla fattades under året.',
    notReportedColumns: ['Incident', 'Anmälan', 'Beslutat av', 'Datum', 'Motivering'],
    approvals: 'Beslutade godkännanden',
    noApprovals: 'Inga godkännanden beslutades under året.',
    approvalCounts: (approved, rejected) => `${approved} godkända, ${rejected} avslagna`,
    awareness: 'Årlig genomgång av reglerna',
    noAwareness: 'Den årliga genomgången har inte skickats under året.',
    awarenessShare: (acknowledged, recipients) =>
      `${svCount(acknowledged)} av ${svCount(recipients)} har bekräftat (${svPercent(acknowledged, recipients)})`,
    measures: 'Beslutade åtgärder',
    noMeasures: 'Inga åtgärder beslutades eller var öppna under året.',
    measureCounts: (decided, done, overdue, days) =>
      [
        svCount(decided) + (decided === 1 ? ' beslutad' : ' beslutade'),
        svCount(done) + (done === 1 ? ' genomförd' : ' genomförda'),
        svCount(overdue) + (overdue === 1 ? ' försenad' : ' försenade'),
      ].join(', ') +
      (days === null
        ? ''
        : ` · mediantid till genomförd ${svCount(days)} ${days === 1 ? 'dag' : 'dagar'}`),
    measuresOverdue: 'Försenade åtgärder',
    noMeasuresOverdue: 'Inga åtgärder är försenade.',
    measureDue: (date, owner) => `skulle ha varit klar ${date} · ${owner}`,
    forbidden:
      'Årsrapporten är för säkerhetssamordnarna och kommunchefen. Vänd dig till säkerhetssamordnaren.',
    exceptionsEnded: 'Undantag som har löpt ut',
    noExceptionsEnded: 'Inga undantag löpte ut under året.',
    exceptionEnded: (date, owner) => `gällde till och med ${date} · ${owner}`,
    controls: 'Kontroller enligt instruktionerna',
    noControls: 'Inga kontroller är inlagda i organisationsfilen.',
    wholeOrganisation: 'hela organisationen',
    controlCounts: (due, done, deviations) =>
      `${svCount(done)} av ${svCount(due)} utförda` +
      (deviations > 0 ? `, ${svCount(deviations)} med avvikelse` : ''),
    approvedOn: (date) => `godkänt ${date}`,
    dueOn: (date, owner) => `skulle ha reviderats ${date} · ${owner}`,
    months: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
    csvHeader: ['avsnitt', 'post', 'status', 'datum', 'person', 'antal'],
    csvSections: {
      goal: 'mål',
      revisionDone: 'reviderat',
      revisionOverdue: 'revidering försenad',
      threatReview: 'hotbildsanalys',
      incidents: 'incidenter',
      notReported: 'inte anmäld',
      approvals: 'godkännanden',
      awareness: 'genomgång av reglerna',
      measures: 'åtgärder',
      measureOverdue: 'åtgärd försenad',
      control: 'kontroll',
      exceptionEnded: 'undantag utlöpt',
    },
  },
  notInOrganisation:
    'Du finns inte i kommunens organisationsfil, så jag vet inte vilka mål och påminnelser som gäller dig.',
};

const en: ReminderStrings = {
  count: enCount,
  percent: enPercent,
  more: (hidden) => `… and ${enCount(hidden)} more.`,
  titles: {
    goal: (goal, checkpoint, kind) =>
      kind === 'deadline'
        ? `Annual goal: ${goal} – deadline ${checkpoint}`
        : `Annual goal: ${goal} – follow-up ${checkpoint}`,
    planning: (year) => `Prepare the annual goals for ${year}`,
    revision: (document, stage) =>
      stage === 'overdue'
        ? `Revision overdue: ${document}`
        : stage === 'due'
          ? `Time to revise: ${document}`
          : `Revision due in 30 days: ${document}`,
    threatAnalysis: (system) => `Threat analysis: ${system}`,
    awareness: 'Yearly review of the IT security rules for users',
    report: (year) => `Annual follow-up of the IT security work ${year}`,
    measure: (title, stage) =>
      stage === 'soon'
        ? `Measure due soon: ${title}`
        : stage === 'overdue'
          ? `Measure late: ${title}`
          : `Late measure: ${title}`,
    control: (title, stage) =>
      stage === 'due' ? `Control: ${title}` : `Control not done: ${title}`,
    exception: (title, stage) =>
      stage === 'ending' ? `Exception ending soon: ${title}` : `Exception has run out: ${title}`,
  },
  exception: {
    heading: 'An exception ends soon',
    text: (title, date) =>
      `The exception "${title}" applies until ${date}. Then it becomes a measure for you: make sure the rule can be followed, or ask for a new exception in time.`,
    facts: { exception: 'Exception', validUntil: 'Applies until' },
    button: 'Ask for a new exception',
    ended: 'The exception has run out: correct it or ask for a new one.',
    // The measure is stored once, in the organisation's language.
    measureTitle: (title) => `Undantaget har löpt ut: ${title}`,
    measureDescription: (title, date) =>
      `Undantaget "${title}" gällde till och med ${date}. Se till att regeln följs, eller begär ett nytt undantag.`,
  },
  late: (due) => `Late reminder: it should have arrived ${due}.`,
  goalStatuses: { genomford: 'Done', pagar: 'In progress', forsenad: 'Delayed' },
  noStatus: 'Not followed up yet',
  goal: {
    heading: 'Annual goal follow-up',
    followUpIntro: (date) =>
      `The goal is to be followed up on ${date}. How is it going? Answer with a status and a comment.`,
    deadlineIntro: (date) =>
      `The goal's deadline is ${date}. Has it been reached? Answer with a status and a comment.`,
    facts: {
      what: 'What is to be done',
      deadline: 'Deadline',
      responsible: 'Responsible',
      resources: 'Resources',
      followUp: 'Follow-up',
      reporting: 'Reporting',
      staffInformation: 'Staff information and training',
      latest: 'Latest status',
    },
    latest: (status, date, by) => `${status} (${date}, ${by})`,
    statusLabel: 'Status',
    commentLabel: 'Comment',
    commentPlaceholder: 'What is done, what remains, is help needed?',
    submit: 'Send follow-up',
    saved: (status) => `Thank you! The follow-up is saved with the status ${status}.`,
    forbidden: 'You are not allowed to: only the person responsible for the goal can answer.',
    notFound: 'The goal is no longer in the goal register.',
    badCheckpoint: 'The follow-up date does not belong to the goal.',
    commentTooLong: (max) => `The comment may be at most ${max} characters.`,
  },
  goalList: {
    heading: (year) => `Annual goals ${year}`,
    none: (year) => `There are no annual goals for ${year} in the goal register.`,
    line: (deadline, responsible, status) => `Deadline ${deadline} · ${responsible} · ${status}`,
    comment: (comment) => `Comment: ${comment}`,
    approved: (date) => `Approved by the chief executive on ${date}.`,
    notApproved: 'Not approved through the bot.',
  },
  planning: {
    heading: (year) => `Time to prepare the annual goals for ${year}`,
    text: (year) =>
      `The annual goals of the IT security work for ${year} are to be decided in the operational planning. For each goal: what is to be done, the timetable and deadline, resources, when and how follow-up and reporting happen, and when and how staff are informed and trained.`,
    policy: 'IT security policy 2.2',
    button: 'Request approval of annual goals',
  },
  revision: {
    heading: {
      soon: 'Revision due in 30 days',
      due: 'Time to revise',
      overdue: 'Revision overdue',
    },
    text: {
      soon: (d, date) => `${d} is to be followed up and, if needed, revised by ${date}.`,
      due: (d, date) => `${d} is to be followed up and, if needed, revised today (${date}).`,
      overdue: (d, date) =>
        `${d} should have been followed up and revised by ${date}, and has not been approved again.`,
    },
    facts: {
      document: 'Document',
      owner: 'Owner',
      approvedAt: 'Last approved',
      dueDate: 'To be revised by',
    },
    button: 'Request approval of the revised document',
  },
  threat: {
    heading: 'Time to review the threat picture',
    text: (system) =>
      `${system} is a system critical to society. Its threat picture is to be analysed continuously: review it and confirm here when it is done.`,
    facts: { system: 'System', lastReview: 'Last confirmed' },
    never: 'Never',
    commentLabel: 'Comment (optional)',
    commentPlaceholder: 'Changes in the threat picture, measures',
    confirm: 'Threat picture reviewed',
    confirmed: (at, by) => `Confirmed ${at} by ${by}. Thank you!`,
    alreadyConfirmed: (at, by) => `Already confirmed ${at} by ${by}.`,
    forbidden: 'You are not allowed to: only the system owner can confirm the threat analysis.',
    notFound: 'The reminder was not found.',
    commentTooLong: (max) => `The comment may be at most ${max} characters.`,
    changed: 'The threat picture has changed',
    labels: {
      threats: 'New or changed threats',
      vulnerabilities: 'Vulnerabilities',
      consequences: 'Consequences',
      measureTitle: 'Measure needed (optional)',
      measureDue: 'Measure done by',
    },
    saveChanges: 'Save the changes',
    changesHeading: 'Changes in the threat picture',
    openMeasure: 'Show the measure',
    changesRequired: 'Write what changed in at least one of the fields.',
    measureDate:
      'Give the date the measure is to be done by: from today and at most three years ahead.',
    measureTitle: 'Give the measure a title of at most 120 characters.',
    measureCreated: 'The measure is created, with you responsible.',
  },
  awareness: {
    heading: 'Yearly review: the IT security rules for you as a user',
    intro:
      'All staff are to know the IT security instruction for users (Användare). Here is a summary of its five areas, in Swedish. Write "rules" to read more, or ask a question at any time.',
    outro: 'Read the summary and confirm that you have read and understood the rules.',
    button: 'I have read and understood',
    rulesButton: 'Read the rules',
    acknowledged: (at) => `Thank you! Your confirmation is saved (${at}).`,
    alreadyAcknowledged: (at) => `You already confirmed on ${at}.`,
    notFound: 'This message was not addressed to you.',
  },
  acknowledgements: {
    heading: 'Acknowledgements: yearly review of the rules',
    facts: { campaign: 'Sent', sent: 'Recipients', acknowledged: 'Confirmed', share: 'Share' },
    none: 'The yearly review of the rules has not been sent yet.',
    forbidden:
      'You are not allowed to: acknowledgements are shown to IT security coordinators and the kommunchef.',
  },
  list: {
    heading: 'Your upcoming reminders',
    intro: (days) =>
      `Reminders to you in the next ${days} days (times in the municipality's time zone).`,
    none: 'You have no reminders in the coming months.',
  },
  report: {
    heading: (year) => `Annual follow-up of the IT security work ${year}`,
    subtitle: (organisation, date) => `${organisation} · IT security policy 5 · ${date}`,
    goals: 'Annual goals',
    noGoals: 'No annual goals for the year.',
    revisionsDone: 'Documents revised and approved',
    noRevisionsDone: 'No documents were approved during the year.',
    revisionsOverdue: 'Overdue revisions',
    noRevisionsOverdue: 'No revisions are overdue.',
    threatReviews: 'Threat analyses of systems critical to society',
    noThreatSystems: 'No systems critical to society in the register.',
    lastReviewed: (date) => `confirmed ${date}`,
    notReviewed: 'not confirmed during the year',
    incidents: 'Incidents per category and month',
    noIncidents: 'No incidents were reported during the year.',
    notReported: 'Decisions not to report',
    noNotReported: 'No decisions not to report were made during the year.',
    notReportedColumns: ['Incident', 'Report', 'Decided by', 'Date', 'Reason'],
    approvals: 'Approvals decided',
    noApprovals: 'No approvals were decided during the year.',
    approvalCounts: (approved, rejected) => `${approved} approved, ${rejected} rejected`,
    awareness: 'Yearly review of the rules',
    noAwareness: 'The yearly review was not sent during the year.',
    awarenessShare: (acknowledged, recipients) =>
      `${enCount(acknowledged)} of ${enCount(recipients)} confirmed (${enPercent(acknowledged, recipients)})`,
    measures: 'Measures decided',
    noMeasures: 'No measures were decided or open during the year.',
    measureCounts: (decided, done, overdue, days) =>
      `${enCount(decided)} decided, ${enCount(done)} done, ${enCount(overdue)} late` +
      (days === null
        ? ''
        : ` · median time to done ${enCount(days)} ${days === 1 ? 'day' : 'days'}`),
    measuresOverdue: 'Late measures',
    noMeasuresOverdue: 'No measures are late.',
    measureDue: (date, owner) => `due ${date} · ${owner}`,
    forbidden:
      'The annual report is for the security coordinators and the chief executive. Ask the security coordinator.',
    exceptionsEnded: 'Exceptions that ran out',
    noExceptionsEnded: 'No exceptions ran out during the year.',
    exceptionEnded: (date, owner) => `applied until ${date} · ${owner}`,
    controls: 'Controls under the instructions',
    noControls: 'No controls are set up in the organisation file.',
    wholeOrganisation: 'the whole organisation',
    controlCounts: (due, done, deviations) =>
      `${enCount(done)} of ${enCount(due)} done` +
      (deviations > 0 ? `, ${enCount(deviations)} with a deviation` : ''),
    approvedOn: (date) => `approved ${date}`,
    dueOn: (date, owner) => `due ${date} · ${owner}`,
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    csvHeader: ['section', 'item', 'status', 'date', 'person', 'count'],
    csvSections: {
      goal: 'goal',
      revisionDone: 'revised',
      revisionOverdue: 'revision overdue',
      threatReview: 'threat analysis',
      incidents: 'incidents',
      notReported: 'not reported',
      approvals: 'approvals',
      awareness: 'rules review',
      measures: 'measures',
      measureOverdue: 'measure late',
      control: 'control',
      exceptionEnded: 'exception ran out',
    },
  },
  notInOrganisation:
    'You are not in the municipality’s organisation file, so I do not know which goals and reminders concern you.',
};

export function reminderStringsFor(locale: Locale): ReminderStrings {
  return locale === 'en' ? en : sv;
}
