import { CATEGORIES, PERSONAL_DATA, SEVERITIES, UNKNOWN_SYSTEM } from './domain/incident.js';
import type {
  FieldError,
  IncidentFormField,
  IncidentFormValues,
} from './domain/incident.validation.js';
import type { OrgDirectory } from '../org/index.js';
import type { IncidentStrings } from './incident.strings.js';
import { renderCardJson } from '../platform/teams/render.js';

type Choice = { title: string; value: string };

export interface IncidentFormCardData {
  heading: string;
  intro: string;
  /** Above the fields: correct the marked ones, or why the form came back. */
  alert: string;
  labels: Record<IncidentFormField, string>;
  placeholders: { title: string; description: string; supplier: string };
  requiredMessage: string;
  values: Required<IncidentFormValues>;
  errors: Record<IncidentFormField, string>;
  categories: Choice[];
  systems: Choice[];
  personalDataChoices: Choice[];
  severities: Choice[];
  submit: string;
  submissionId: string;
}

const FIELDS: IncidentFormField[] = [
  'title',
  'category',
  'system',
  'discoveredDate',
  'discoveredTime',
  'startedDate',
  'startedTime',
  'supplier',
  'description',
  'personalData',
  'severity',
];

/**
 * The report form. After a rejected submit it comes back with the user's values and
 * an error under each field; input values are not markdown, so they are kept verbatim.
 */
export function incidentFormCard(
  strings: IncidentStrings,
  org: OrgDirectory,
  submissionId: string,
  values: IncidentFormValues,
  errors: Partial<Record<IncidentFormField, FieldError>> = {},
  /** Why the form came back although nothing on it is wrong (the limit a minute). */
  notice = '',
) {
  const filled = Object.fromEntries(
    FIELDS.map((f) => [f, values[f] ?? '']),
  ) as Required<IncidentFormValues>;
  const data: IncidentFormCardData = {
    heading: strings.form.title,
    intro: strings.form.intro,
    alert: Object.keys(errors).length > 0 ? strings.form.fixErrors : notice,
    labels: strings.form.labels,
    placeholders: strings.form.placeholders,
    requiredMessage: strings.form.errors.required,
    values: filled,
    errors: Object.fromEntries(
      FIELDS.map((f) => [f, errors[f] ? strings.form.errors[errors[f]] : '']),
    ) as Record<IncidentFormField, string>,
    categories: CATEGORIES.map((c) => ({ title: strings.categories[c], value: c })),
    systems: [
      ...org.organisation.systems.map((s) => ({ title: s.name, value: s.id })),
      { title: strings.form.unknownSystem, value: UNKNOWN_SYSTEM },
    ],
    personalDataChoices: PERSONAL_DATA.map((p) => ({ title: strings.personalData[p], value: p })),
    severities: SEVERITIES.map((s) => ({ title: strings.severities[s], value: s })),
    submit: strings.form.submit,
    submissionId,
  };
  return renderCardJson('incidents/incident-form', data);
}
