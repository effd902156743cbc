import type { IncidentStrings } from './incident.strings.js';
import { sv } from './incident.strings.sv.js';

/**
 * What staff read about incidents, in English. `{imy}` and `{csirt}` stand for the
 * authorities' names (incident.strings.ts fills them in from the organisation file).
 */
export const en: IncidentStrings = {
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
    timeLeft: (hours) =>
      hours < 0
        ? `${Math.max(1, Math.round(-hours))} h overdue`
        : hours < 1
          ? 'less than 1 h left'
          : hours < 48
            ? `${Math.floor(hours)} h left`
            : `${Math.floor(hours / 24)} days left`,
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
    newMeasure: 'New measure',
    closedAskMeasures:
      'The case is closed. Are measures needed so that it does not happen again? Press New measure: the ones already decided are shown there too.',
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
