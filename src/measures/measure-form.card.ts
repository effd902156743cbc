import { PEOPLE_DATASET, peopleWithRoles, personChoice, type OrgDirectory } from '../org/index.js';
import { renderCardJson, userText, type CardJson } from '../platform/teams/render.js';
import type {
  MeasureFieldError,
  MeasureFormField,
  MeasureFormValues,
} from './domain/measure.validation.js';
import type { MeasureStrings } from './measure.strings.js';

const FIELDS: MeasureFormField[] = ['title', 'description', 'owner', 'dueDate', 'system'];

export interface MeasureFormOrigin {
  incidentId: string;
  incidentNumber: string;
  systemId: string | null;
  /** The measures already decided from the incident and not done: "title · owner · due". */
  decided?: string[];
}

/** `ny åtgärd`, or "Ny åtgärd" on an incident card (`origin`): the form a measure is decided with. */
export function measureFormCard(
  strings: MeasureStrings,
  org: OrgDirectory,
  today: string,
  submissionId: string,
  values: MeasureFormValues,
  origin?: MeasureFormOrigin,
  errors: Partial<Record<MeasureFormField, MeasureFieldError>> = {},
): CardJson {
  const f = strings.form;
  return renderCardJson('measures/measure-form', {
    heading: f.title,
    intro: f.intro,
    origin: origin ? f.fromIncident(origin.incidentNumber) : '',
    decidedHeading: f.decidedFromIncident,
    decided: (origin?.decided ?? []).map(userText),
    fixErrors: Object.keys(errors).length > 0 ? f.fixErrors : '',
    labels: f.labels,
    placeholders: f.placeholders,
    requiredMessage: f.errors.required,
    values: Object.fromEntries(FIELDS.map((k) => [k, values[k] ?? ''])),
    errors: Object.fromEntries(FIELDS.map((k) => [k, errors[k] ? f.errors[errors[k]] : ''])),
    // The people with a role, and the one already picked; anyone else is found by typing.
    people: [
      ...peopleWithRoles(org, []),
      ...[org.personById(values.owner ?? '')].filter((p) => p !== undefined),
    ]
      .filter((p, i, all) => all.indexOf(p) === i)
      .map(personChoice),
    peopleDataset: PEOPLE_DATASET,
    today,
    systems: org.organisation.systems.map((s) => ({ title: s.name, value: s.id })),
    submit: f.submit,
    submissionId,
    incidentId: origin?.incidentId ?? '',
  });
}
