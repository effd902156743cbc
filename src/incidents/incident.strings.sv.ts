import type { IncidentStrings } from './incident.strings.js';

/**
 * What staff read about incidents, in Swedish. `{imy}` and `{csirt}` stand for the
 * authorities' names (incident.strings.ts fills them in from the organisation file).
 */
export const sv: IncidentStrings = {
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
    timeLeft: (hours) =>
      hours < 0
        ? `försenad ${Math.max(1, Math.round(-hours))} h`
        : hours < 1
          ? 'mindre än 1 h kvar'
          : hours < 48
            ? `${Math.floor(hours)} h kvar`
            : `${Math.floor(hours / 24)} dagar kvar`,
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
    newMeasure: 'Ny åtgärd',
    closedAskMeasures:
      'Ärendet är avslutat. Behövs åtgärder så att det inte händer igen? Tryck Ny åtgärd: där syns också de som redan är beslutade.',
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
