import { en } from './reminder.strings.en.js';
import { sv } from './reminder.strings.sv.js';
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

export function reminderStringsFor(locale: Locale): ReminderStrings {
  return locale === 'en' ? en : sv;
}
