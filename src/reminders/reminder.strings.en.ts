import { numberFormats } from './reminder.numbers.js';
import type { ReminderStrings } from './reminder.strings.js';

const [enCount, enPercent] = numberFormats('en-GB');

/** The reminders feature's English. */
export const en: ReminderStrings = {
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
