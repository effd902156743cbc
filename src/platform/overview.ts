import type { Person, RoleName } from '../org/index.js';
import type { AadObjectId } from './identity.js';
import type { Locale } from './strings.js';

/**
 * What the personal tab "Översikt" shows, as each feature contributes it: plain data
 * and text already in the reader's language, drawn by the page (src/tab/page). Text
 * here is shown as text, never as HTML or markdown.
 */

/** The person the tab is for, from the verified token (or the local-mode picker). */
export interface Viewer {
  aadObjectId: AadObjectId;
  /** Set when the person is listed in the organisation file. */
  person: Person | undefined;
  roles: RoleName[];
  locale: Locale;
}

export interface OverviewItem {
  title: string;
  subtitle: string;
  /** A deadline passed, or near. */
  flag?: 'overdue' | 'soon';
}

/** One list of the person's own things, e.g. "Mina incidenter". */
export interface OverviewSection {
  id: string;
  heading: string;
  /** Shown when `items` is empty. */
  none: string;
  items: OverviewItem[];
  /** Entries there are, when only the first are in `items`. */
  total: number;
}

/** A chart for the dashboard; the page also shows it as a table and offers it as CSV. */
export interface DashboardChart {
  kind: 'chart';
  id: string;
  heading: string;
  type: 'bar' | 'stacked-bar' | 'doughnut';
  /** The categories along the axis (or the slices). */
  labels: string[];
  series: { label: string; data: number[] }[];
}

/** A table for the dashboard (goals, documents to revise): also offered as CSV. */
export interface DashboardTable {
  kind: 'table';
  id: string;
  heading: string;
  columns: string[];
  rows: string[][];
  /** Row indexes to mark (overdue). */
  marked: number[];
  none: string;
}

export type DashboardPart = DashboardChart | DashboardTable;

/** What a feature adds to the tab. */
export interface OverviewContribution {
  /** The viewer's own items: only what the stored state lets this person see. */
  personal(viewer: Viewer): Promise<OverviewSection[]>;
  /** For the säkerhetssamordnare and the kommunchef only; the tab checks the role first. */
  dashboard?(viewer: Viewer): Promise<DashboardPart[]>;
}

/** The tab's sections list at most this many entries each. */
export const OVERVIEW_ITEMS_MAX = 50;

export function section(
  id: string,
  heading: string,
  none: string,
  items: OverviewItem[],
): OverviewSection {
  return { id, heading, none, items: items.slice(0, OVERVIEW_ITEMS_MAX), total: items.length };
}
