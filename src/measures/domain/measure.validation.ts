import type { OrgDirectory } from '../../org/index.js';
import { parseDate } from '../../platform/calendar.js';
import { MEASURE_LIMITS, type MeasureOrigin } from './measure.js';

/** The form's raw values, as Teams sends them. */
export interface MeasureFormValues {
  title?: string;
  description?: string;
  owner?: string;
  dueDate?: string;
  system?: string;
}

export type MeasureFormField = keyof MeasureFormValues;

export type MeasureFieldError =
  | 'required'
  | 'tooLong'
  | 'unknownPerson'
  | 'unknownSystem'
  | 'badDate'
  | 'dateInPast'
  | 'dateTooFar';

export interface NewMeasureInput {
  title: string;
  description: string;
  ownerId: string;
  dueDate: string;
  systemId: string | null;
  origin: MeasureOrigin;
}

export type MeasureValidation =
  | { ok: true; value: NewMeasureInput }
  | { ok: false; errors: Partial<Record<MeasureFormField, MeasureFieldError>> };

/**
 * A due date the owner can meet: a real date, today or later, and not more than
 * `MEASURE_LIMITS.yearsAhead` years ahead (`today` in the organisation's time zone).
 */
export function dueDateError(text: string, today: string): MeasureFieldError | undefined {
  const date = parseDate(text.trim());
  if (!date) return text.trim() ? 'badDate' : 'required';
  const iso = date.toString();
  if (iso < today) return 'dateInPast';
  const limit = `${Number(today.slice(0, 4)) + MEASURE_LIMITS.yearsAhead}${today.slice(4)}`;
  if (iso > limit) return 'dateTooFar';
  return undefined;
}

export function validateMeasureForm(
  values: MeasureFormValues,
  org: OrgDirectory,
  today: string,
  origin: MeasureOrigin,
): MeasureValidation {
  const errors: Partial<Record<MeasureFormField, MeasureFieldError>> = {};
  const title = values.title?.trim() ?? '';
  const description = values.description?.trim() ?? '';
  if (!title) errors.title = 'required';
  else if (title.length > MEASURE_LIMITS.title) errors.title = 'tooLong';
  if (!description) errors.description = 'required';
  else if (description.length > MEASURE_LIMITS.description) errors.description = 'tooLong';
  const owner = values.owner?.trim() ?? '';
  if (!owner) errors.owner = 'required';
  else if (!org.personById(owner)) errors.owner = 'unknownPerson';
  const dateError = dueDateError(values.dueDate ?? '', today);
  if (dateError) errors.dueDate = dateError;
  const system = values.system?.trim() ?? '';
  if (system && !org.systemById(system)) errors.system = 'unknownSystem';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      title,
      description,
      ownerId: owner,
      dueDate: parseDate(values.dueDate!.trim())!.toString(),
      systemId: system || null,
      origin,
    },
  };
}
