import { numberFormats } from './reminder.numbers.js';
import type { ReminderStrings } from './reminder.strings.js';

const [svCount, svPercent] = numberFormats('sv-SE');

/** The reminders feature's Swedish. */
export const sv: ReminderStrings = {
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
