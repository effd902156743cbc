import type { OrgDirectory } from '../../org/index.js';
import { parseDate } from '../../platform/calendar.js';
import { CHAINS } from './approval.chains.js';
import {
  APPROVAL_LIMITS,
  APPROVAL_TYPES,
  type ApprovalSubject,
  type ApprovalType,
} from './approval.js';

/** The request form's raw values, as Teams sends them. */
export interface ApprovalFormValues {
  type?: string;
  subject?: string;
  proposedOwner?: string;
  title?: string;
  justification?: string;
  link?: string;
  validUntil?: string;
}

export type ApprovalFormField = keyof ApprovalFormValues;

export type ApprovalFieldError =
  | 'required'
  | 'tooLong'
  | 'unknownChoice'
  | 'subjectMismatch'
  | 'noSecurityPlan'
  | 'invalidLink'
  | 'alreadyOwner'
  | 'badDate'
  | 'dateInPast'
  | 'dateTooFar'
  /** Nobody but the requester could decide it, and nobody decides their own request. */
  | 'onlyRequester';

export interface ApprovalRequestInput {
  type: ApprovalType;
  subject: ApprovalSubject;
  proposedOwnerId: string | null;
  title: string;
  justification: string;
  link: string | null;
  validUntil: string | null;
}

export type ApprovalValidation =
  | { ok: true; value: ApprovalRequestInput }
  | { ok: false; errors: Partial<Record<ApprovalFormField, ApprovalFieldError>> };

/**
 * Subjects are encoded in the form as `system:<id>`, `document:<id>` or `year:<yyyy>`.
 * The form offers this year's and next year's goals (`thisYear`, in the organisation's
 * time zone); last year's is accepted too, for a form opened before New Year.
 */
export function parseSubject(
  value: string,
  org: OrgDirectory,
  thisYear: number,
): ApprovalSubject | undefined {
  const [kind, id = ''] = value.split(':', 2);
  if (kind === 'system' && org.systemById(id)) return { kind: 'system', systemId: id };
  if (kind === 'document' && org.documentById(id)) return { kind: 'document', documentId: id };
  const year = /^\d{4}$/.test(id) ? Number(id) : NaN;
  if (kind === 'year' && year >= thisYear - 1 && year <= thisYear + 1)
    return { kind: 'year', year };
  return undefined;
}

/** An exception applies at most this many years. */
export const EXCEPTION_YEARS_MAX = 3;

export function validateApprovalForm(
  values: ApprovalFormValues,
  org: OrgDirectory,
  thisYear: number,
  today: string,
): ApprovalValidation {
  const errors: Partial<Record<ApprovalFormField, ApprovalFieldError>> = {};
  const text = (field: 'title' | 'justification', max: number) => {
    const value = (values[field] ?? '').trim();
    if (value === '') errors[field] = 'required';
    else if (value.length > max) errors[field] = 'tooLong';
    return value;
  };
  const title = text('title', APPROVAL_LIMITS.title);
  const justification = text('justification', APPROVAL_LIMITS.justification);

  const type = (APPROVAL_TYPES as readonly string[]).includes(values.type ?? '')
    ? (values.type as ApprovalType)
    : undefined;
  if (!values.type) errors.type = 'required';
  else if (!type) errors.type = 'unknownChoice';

  let subject: ApprovalSubject | undefined;
  if (!values.subject) errors.subject = 'required';
  else {
    subject = parseSubject(values.subject, org, thisYear);
    if (!subject) errors.subject = 'unknownChoice';
    else if (type && CHAINS[type].subject !== subject.kind) errors.subject = 'subjectMismatch';
    else if (
      type === 'systemsakerhetsplan' &&
      subject.kind === 'system' &&
      !securityPlanOf(org, subject.systemId)
    ) {
      errors.subject = 'noSecurityPlan';
    }
  }

  let proposedOwnerId: string | null = null;
  if (type === 'utse-systemagare') {
    if (!values.proposedOwner) errors.proposedOwner = 'required';
    else if (!org.personById(values.proposedOwner)) errors.proposedOwner = 'unknownChoice';
    else if (
      subject?.kind === 'system' &&
      org.systemById(subject.systemId)?.owner === values.proposedOwner
    ) {
      errors.proposedOwner = 'alreadyOwner';
    } else proposedOwnerId = values.proposedOwner;
  }

  const linkText = (values.link ?? '').trim();
  let link: string | null = null;
  if (linkText !== '') {
    if (linkText.length > APPROVAL_LIMITS.link) errors.link = 'tooLong';
    else {
      link = httpsUrl(linkText);
      if (!link) errors.link = 'invalidLink';
    }
  }

  // An exception is granted until a date, never for good.
  let validUntil: string | null = null;
  if (type === 'undantag') {
    const text = (values.validUntil ?? '').trim();
    const date = parseDate(text)?.toString();
    const last = `${Number(today.slice(0, 4)) + EXCEPTION_YEARS_MAX}${today.slice(4)}`;
    if (!text) errors.validUntil = 'required';
    else if (!date) errors.validUntil = 'badDate';
    else if (date < today) errors.validUntil = 'dateInPast';
    else if (date > last) errors.validUntil = 'dateTooFar';
    else validUntil = date;
  }

  if (Object.keys(errors).length > 0 || !type || !subject) return { ok: false, errors };
  return {
    ok: true,
    value: { type, subject, proposedOwnerId, title, justification, link, validUntil },
  };
}

/** The systemsäkerhetsplan document of a system, if the register has one. */
export function securityPlanOf(org: OrgDirectory, systemId: string) {
  return org.organisation.documents.find(
    (d) => d.type === 'systemsakerhetsplan' && d.system === systemId,
  );
}

/**
 * Only https links, as the WHATWG URL parser writes them (spaces and quotes encoded,
 * the host in lower case): a link on a card is opened by someone else on their phone,
 * and what is stored is what the button opens.
 */
function httpsUrl(text: string): string | null {
  if (!URL.canParse(text)) return null;
  const url = new URL(text);
  const usable = url.protocol === 'https:' && url.hostname !== '' && !url.username && !url.password;
  return usable ? url.href : null;
}
