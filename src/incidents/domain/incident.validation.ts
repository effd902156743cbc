import type { OrgDirectory } from '../../org/index.js';
import { zonedToUtc } from '../../platform/calendar.js';
import {
  CATEGORIES,
  LIMITS,
  PERSONAL_DATA,
  SEVERITIES,
  UNKNOWN_SYSTEM,
  type Category,
  type IncidentReportInput,
  type PersonalData,
  type Severity,
} from './incident.js';

/** The form's raw values as Teams sends them: strings, possibly missing. */
export interface IncidentFormValues {
  title?: string;
  category?: string;
  system?: string;
  discoveredDate?: string;
  discoveredTime?: string;
  startedDate?: string;
  startedTime?: string;
  supplier?: string;
  description?: string;
  personalData?: string;
  severity?: string;
}

export type IncidentFormField = keyof IncidentFormValues;

/** Error codes per field; the Teams side turns them into Swedish or English text. */
export type FieldError =
  | 'required'
  | 'tooLong'
  | 'unknownChoice'
  | 'invalidDate'
  | 'inFuture'
  | 'supplierRequired'
  | 'startedAfterDiscovery';

export type ValidationResult =
  | { ok: true; value: IncidentReportInput }
  | { ok: false; errors: Partial<Record<IncidentFormField, FieldError>> };

const oneOf = <T extends string>(list: readonly T[], value: string | undefined): value is T =>
  value !== undefined && (list as readonly string[]).includes(value);

export function validateIncidentForm(
  values: IncidentFormValues,
  org: OrgDirectory,
  now: Date,
): ValidationResult {
  const errors: Partial<Record<IncidentFormField, FieldError>> = {};
  const text = (field: 'title' | 'description', max: number): string => {
    const value = (values[field] ?? '').trim();
    if (value === '') errors[field] = 'required';
    else if (value.length > max) errors[field] = 'tooLong';
    return value;
  };
  const title = text('title', LIMITS.title);
  const description = text('description', LIMITS.description);

  const choice = <T extends string>(
    field: IncidentFormField,
    list: readonly T[],
  ): T | undefined => {
    const value = values[field];
    if (!value) errors[field] = 'required';
    else if (!oneOf(list, value)) errors[field] = 'unknownChoice';
    else return value;
    return undefined;
  };
  const category = choice<Category>('category', CATEGORIES);
  const personalData = choice<PersonalData>('personalData', PERSONAL_DATA);
  const severity = choice<Severity>('severity', SEVERITIES);

  let systemId: string | null = null;
  if (!values.system) errors.system = 'required';
  else if (values.system !== UNKNOWN_SYSTEM) {
    if (org.systemById(values.system)) systemId = values.system;
    else errors.system = 'unknownChoice';
  }

  let discoveredAt: Date | undefined;
  if (!values.discoveredDate || !values.discoveredTime) errors.discoveredDate = 'required';
  else {
    discoveredAt = zonedToUtc(
      values.discoveredDate,
      values.discoveredTime,
      org.organisation.timezone,
    );
    if (!discoveredAt) errors.discoveredDate = 'invalidDate';
    // A minute of slack for a clock that runs a little ahead on the phone.
    else if (discoveredAt.getTime() > now.getTime() + 60_000) errors.discoveredDate = 'inFuture';
  }

  // Optional: when it started, if known (both parts, at or before the discovery).
  let startedAt: Date | null = null;
  if (values.startedDate || values.startedTime) {
    const started =
      values.startedDate && values.startedTime
        ? zonedToUtc(values.startedDate, values.startedTime, org.organisation.timezone)
        : undefined;
    if (!started) errors.startedDate = 'invalidDate';
    else if (discoveredAt && started.getTime() > discoveredAt.getTime())
      errors.startedDate = 'startedAfterDiscovery';
    else startedAt = started;
  }

  const supplierText = (values.supplier ?? '').trim();
  if (supplierText.length > LIMITS.supplier) errors.supplier = 'tooLong';
  else if (category === 'leverantor' && supplierText === '') errors.supplier = 'supplierRequired';
  const supplier = supplierText === '' ? null : supplierText;

  if (Object.keys(errors).length > 0 || !category || !personalData || !severity || !discoveredAt) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      title,
      category,
      systemId,
      discoveredAt,
      startedAt,
      supplier,
      description,
      personalData,
      severity,
    },
  };
}
