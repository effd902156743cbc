import { formatLocal, localParts, localYear } from '../platform/calendar.js';
import {
  section,
  type DashboardPart,
  type OverviewContribution,
  type OverviewItem,
  type Viewer,
} from '../platform/overview.js';
import type { Locale } from '../platform/strings.js';
import { CATEGORIES, type Incident } from './domain/incident.js';
import type { IncidentDeps } from './domain/incident.service.js';
import { incidentStringsFor, type IncidentStrings } from './incident.strings.js';
import { incidentsOf } from './my-incidents.command.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** A legal clock this close to its end is marked as near. */
const SOON_MS = 24 * HOUR_MS;
/** Open incidents the dashboard reads at most. */
const OPEN_LIMIT = 2000;

const overviewStrings = {
  sv: {
    perMonth: (year: number) => `Incidenter per månad och kategori ${year}`,
    openByAge: 'Öppna incidenter efter ålder',
    ageBuckets: ['Under ett dygn', '1–7 dagar', '8–30 dagar', 'Över 30 dagar'],
    incidents: 'Incidenter',
    deadlines: 'Öppna incidenter med frister som löper ut inom ett dygn eller har passerat',
    noDeadlines: 'Inga frister nära eller passerade.',
    columns: ['Nummer', 'Rubrik', 'Frist', 'Senast', 'Status'],
    due: (what: string, at: string) => `${what}: senast ${at}`,
    months: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  },
  en: {
    perMonth: (year: number) => `Incidents per month and category, ${year}`,
    openByAge: 'Open incidents by age',
    ageBuckets: ['Under a day', '1–7 days', '8–30 days', 'Over 30 days'],
    incidents: 'Incidents',
    deadlines: 'Open incidents with deadlines within a day or passed',
    noDeadlines: 'No deadlines near or passed.',
    columns: ['Number', 'Title', 'Deadline', 'Due', 'Status'],
    due: (what: string, at: string) => `${what}: due ${at}`,
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  },
} satisfies Record<Locale, unknown>;

/** The earliest legal clock still running on the incident. */
function nextDeadline(incident: Incident) {
  return incident.reports
    .filter((r) => r.status === 'pending')
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
}

function flagOf(dueAt: Date | undefined, now: Date): OverviewItem['flag'] {
  if (!dueAt) return undefined;
  if (dueAt.getTime() < now.getTime()) return 'overdue';
  return dueAt.getTime() - now.getTime() <= SOON_MS ? 'soon' : undefined;
}

/** What the incidents feature shows in the tab. */
export function incidentOverview(deps: IncidentDeps): OverviewContribution {
  const stringsOf = (locale: Locale): IncidentStrings =>
    incidentStringsFor(locale, deps.org.organisation.authorities);
  const item = (s: IncidentStrings, locale: Locale, now: Date) => (incident: Incident) => {
    const tz = deps.org.organisation.timezone;
    const deadline = nextDeadline(incident);
    const parts = [
      s.statuses[incident.status],
      s.severities[incident.severity],
      formatLocal(incident.createdAt, tz),
    ];
    if (deadline) {
      parts.push(
        overviewStrings[locale].due(s.reports[deadline.kind], formatLocal(deadline.dueAt, tz)),
      );
    }
    return {
      title: `${incident.number} · ${incident.title}`,
      subtitle: parts.join(' · '),
      flag: flagOf(deadline?.dueAt, now),
    };
  };

  return {
    async personal(viewer: Viewer) {
      const s = stringsOf(viewer.locale);
      const now = deps.clock.now();
      const { mine, toHandle } = await incidentsOf(deps, viewer.aadObjectId, !!viewer.person);
      const toItem = item(s, viewer.locale, now);
      const sections = [section('incidents.mine', s.list.mine, s.list.none, mine.map(toItem))];
      if (toHandle.length > 0)
        sections.push(
          section('incidents.toHandle', s.list.toHandle, s.list.none, toHandle.map(toItem)),
        );
      return sections;
    },

    async dashboard(viewer: Viewer): Promise<DashboardPart[]> {
      const s = stringsOf(viewer.locale);
      const o = overviewStrings[viewer.locale];
      const tz = deps.org.organisation.timezone;
      const now = deps.clock.now();
      const year = localYear(now, tz);

      const perMonth = new Map(CATEGORIES.map((c) => [c, new Array<number>(12).fill(0)]));
      for (const r of await deps.incidents.reportedInYear(year)) {
        const month = Number(localParts(r.reportedAt, tz).date.slice(5, 7));
        const row = perMonth.get(r.category);
        if (row) row[month - 1]! += 1;
      }

      const open = await deps.incidents.listOpen(OPEN_LIMIT);
      const ages = [0, 0, 0, 0];
      for (const i of open) {
        const days = (now.getTime() - i.createdAt.getTime()) / DAY_MS;
        ages[days < 1 ? 0 : days <= 7 ? 1 : days <= 30 ? 2 : 3]! += 1;
      }
      const near = open
        .flatMap((i) => {
          const d = nextDeadline(i);
          const flag = flagOf(d?.dueAt, now);
          return d && flag ? [{ incident: i, deadline: d }] : [];
        })
        .sort((a, b) => a.deadline.dueAt.getTime() - b.deadline.dueAt.getTime());

      return [
        {
          kind: 'chart',
          id: 'incidents-per-month',
          heading: o.perMonth(year),
          type: 'stacked-bar',
          labels: o.months,
          series: CATEGORIES.filter((c) => perMonth.get(c)!.some((n) => n > 0)).map((c) => ({
            label: s.categories[c],
            data: perMonth.get(c)!,
          })),
        },
        {
          kind: 'chart',
          id: 'incidents-open-by-age',
          heading: o.openByAge,
          type: 'bar',
          labels: o.ageBuckets,
          series: [{ label: o.incidents, data: ages }],
        },
        {
          kind: 'table',
          id: 'incidents-deadlines',
          heading: o.deadlines,
          columns: o.columns,
          rows: near.map(({ incident, deadline }) => [
            incident.number,
            incident.title,
            s.reports[deadline.kind],
            formatLocal(deadline.dueAt, tz),
            s.statuses[incident.status],
          ]),
          marked: near.flatMap((n, i) => (n.deadline.dueAt.getTime() < now.getTime() ? [i] : [])),
          none: o.noDeadlines,
        },
      ];
    },
  };
}
