import { PEOPLE_DATASET, personChoice, peopleWithRoles } from './approval.search.js';
import { CHAINS } from './domain/approval.chains.js';
import { APPROVAL_TYPES } from './domain/approval.js';
import type {
  ApprovalFieldError,
  ApprovalFormField,
  ApprovalFormValues,
} from './domain/approval.validation.js';
import type { OrgDirectory } from '../org/index.js';
import type { ApprovalStrings } from './approval.strings.js';
import { renderCardJson } from '../platform/teams/render.js';

const FIELDS: ApprovalFormField[] = [
  'type',
  'subject',
  'proposedOwner',
  'title',
  'justification',
  'link',
  'validUntil',
];

/** Subjects from the register, and the annual goals of this year and the next. */
export function subjectChoices(strings: ApprovalStrings, org: OrgDirectory, year: number) {
  const f = strings.form;
  return [
    ...org.organisation.systems.map((s) => ({
      title: `${f.systemPrefix}: ${s.name}`,
      value: `system:${s.id}`,
    })),
    ...org.organisation.documents.map((d) => ({
      title: `${f.documentPrefix}: ${d.title}`,
      value: `document:${d.id}`,
    })),
    { title: f.nextYearGoals(year), value: `year:${year}` },
    { title: f.nextYearGoals(year + 1), value: `year:${year + 1}` },
  ];
}

export function approvalFormCard(
  strings: ApprovalStrings,
  org: OrgDirectory,
  year: number,
  submissionId: string,
  values: ApprovalFormValues,
  errors: Partial<Record<ApprovalFormField, ApprovalFieldError>> = {},
) {
  return renderCardJson('approvals/approval-form', {
    heading: strings.form.title,
    intro: strings.form.intro,
    chains: APPROVAL_TYPES.map((t) => ({ title: strings.types[t], value: strings.typeHelp[t] })),
    fixErrors: Object.keys(errors).length > 0 ? strings.form.fixErrors : '',
    labels: strings.form.labels,
    placeholders: strings.form.placeholders,
    requiredMessage: strings.form.errors.required,
    values: Object.fromEntries(FIELDS.map((f) => [f, values[f] ?? ''])),
    errors: Object.fromEntries(
      FIELDS.map((f) => [f, errors[f] ? strings.form.errors[errors[f]] : '']),
    ),
    types: APPROVAL_TYPES.filter((t) => CHAINS[t]).map((t) => ({
      title: strings.types[t],
      value: t,
    })),
    subjects: subjectChoices(strings, org, year),
    noOwner: strings.form.noOwner,
    // The people with a role, and the one already picked; anyone else is found by typing.
    people: [
      ...peopleWithRoles(org, []),
      ...[org.personById(values.proposedOwner ?? '')].filter((p) => p !== undefined),
    ]
      .filter((p, i, all) => all.indexOf(p) === i)
      .map(personChoice),
    peopleDataset: PEOPLE_DATASET,
    submit: strings.form.submit,
    submissionId,
  });
}
