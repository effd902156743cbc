import type { AadObjectId } from '../../platform/identity.js';
import type { AnnualGoal } from '../../reminders/index.js';

/** The organisation file's content, validated: people, roles, systems and governing documents. */

export interface Person {
  /** Key used inside the organisation file. */
  id: string;
  name: string;
  title?: string;
  /** Entra ID object id: how Teams tells us who someone is (lower-cased when the file is read). */
  aadObjectId: AadObjectId;
  email?: string;
}

export type RoleName = 'kommunchef' | 'sakerhetssamordnare' | 'dataskyddsombud';

export interface Roles {
  kommunchef: string;
  sakerhetssamordnare: string[];
  dataskyddsombud: string;
  /** The kommunchef's ersättare: may make the CSIRT calls when the kommunchef has not, near the deadline. */
  ersattare?: string;
  /** How many hours before a CSIRT deadline with no decision the ersättare is called in (default 4). */
  ersattareHoursBeforeDeadline?: number;
}

/**
 * A nämnd (or kommunstyrelsen): the personuppgiftsansvarig for the systems it owns.
 * `breachDecider` is the person who acts for it on personal-data breaches (by
 * delegation): gets the IMY clock and decides whether IMY is notified.
 */
export interface Committee {
  id: string;
  name: string;
  breachDecider: string;
}

export interface ItSystem {
  id: string;
  name: string;
  /** Person id of the systemägare. */
  owner: string;
  /** Critical to society: needs a systemsäkerhetsplan and a threat analysis. */
  samhallsviktigt: boolean;
  /** Date (YYYY-MM-DD) of the latest driftgodkännande, when one was given through the bot. */
  approvedAt?: string;
  /** Id of the committee (nämnd) that is personuppgiftsansvarig for the system. */
  committee?: string;
}

export type DocumentType = 'policy' | 'instruktion' | 'systemsakerhetsplan';

export interface GoverningDocument {
  id: string;
  title: string;
  type: DocumentType;
  owner: string;
  /** For a systemsäkerhetsplan: the system it covers. */
  system?: string;
  /** ISO date (YYYY-MM-DD). */
  approvedAt: string;
  reviewEveryMonths: number;
}

/**
 * A recurring control (kontroll) from the Förvaltning or Drift instruction: a routine
 * whose doing is followed up, such as a review of who has access to a system.
 */
export interface Control {
  id: string;
  title: string;
  /** What is checked and how. */
  what: string;
  /** Id of the governing document (instruction) the routine comes from. */
  instruction: string;
  /** The instruction's area: Behörighetsadministration, Loggning, Säkerhetskopiering … */
  area: string;
  /** One system; with `eachSystem` every system in the register, each by its owner. */
  system?: string;
  eachSystem?: boolean;
  /** Person id; default the system's owner. Required for an organisation-wide control. */
  responsible?: string;
  everyMonths: number;
  /** The first due date (YYYY-MM-DD); the next ones follow every `everyMonths` months. */
  firstDue: string;
}

export interface Organisation {
  organisation: string;
  tenantId: string;
  timezone: string;
  people: Person[];
  roles: Roles;
  systems: ItSystem[];
  /** Nämnder and kommunstyrelsen (optional section). */
  committees?: Committee[];
  /**
   * What staff read as the authorities' names (optional section): they changed before
   * (MSB became MCF on 2026-01-01) and may again. Defaults IMY and "CSIRT (MCF)".
   */
  authorities?: { dataProtection?: string; csirt?: string };
  documents: GoverningDocument[];
  /** Recurring controls from the Förvaltning and Drift instructions (optional section). */
  controls?: Control[];
  /** Annual goals that seed the goal register (optional section). */
  goals?: AnnualGoal[];
  /** Years whose annual goals the kommunchef approved through the bot (from the register, not the file). */
  goalsApproved?: { year: number; date: string; approvalId: string }[];
}
