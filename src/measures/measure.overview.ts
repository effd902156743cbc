import { controlDueDates, controlInstances } from '../org/index.js';
import { addDays, localParts, parseDate } from '../platform/calendar.js';
import {
  section,
  type DashboardPart,
  type OverviewContribution,
  type OverviewItem,
  type Viewer,
} from '../platform/overview.js';
import type { Locale } from '../platform/strings.js';
import { isOpen, type Measure, type MeasureOriginKind } from './domain/measure.js';
import type { MeasureDeps } from './domain/measure.service.js';
import { daysBetween, ownerName } from './measure.card.js';
import { measureStringsFor } from './measure.strings.js';

/** A measure or control due within this many days is marked as near. */
const SOON_DAYS = 7;
const ORIGINS: MeasureOriginKind[] = [
  'incident',
  'threat-analysis',
  'approval',
  'control',
  'exception',
  'manual',
];

const overviewStrings = {
  sv: {
    controls: 'Mina kontroller',
    noControls: 'Inga kontroller.',
    waiting: (date: string) => `Väntar på svar, skulle göras ${date}`,
    next: (date: string) => `Nästa gång ${date}`,
    last: (date: string, deviation: boolean) =>
      `senast ${date}${deviation ? ', med avvikelse' : ', utan avvikelse'}`,
    measuresByOrigin: 'Öppna åtgärder efter ursprung',
    onTime: 'I tid',
    overdue: 'Försenade',
    controlsYear: (year: number) => `Kontroller ${year} hittills`,
    due: 'Skulle göras',
    done: 'Utförda',
    deviations: 'Med avvikelse',
  },
  en: {
    controls: 'My controls',
    noControls: 'No controls.',
    waiting: (date: string) => `Waiting for an answer, due ${date}`,
    next: (date: string) => `Next on ${date}`,
    last: (date: string, deviation: boolean) =>
      `last ${date}${deviation ? ', with a deviation' : ', no deviation'}`,
    measuresByOrigin: 'Open measures by origin',
    onTime: 'On time',
    overdue: 'Overdue',
    controlsYear: (year: number) => `Controls in ${year} so far`,
    due: 'Due',
    done: 'Done',
    deviations: 'With a deviation',
  },
} satisfies Record<Locale, unknown>;

/** What the measures feature shows in the tab: my measures and controls; measures and controls for the dashboard. */
export function measureOverview(deps: MeasureDeps): OverviewContribution {
  const today = () => localParts(deps.clock.now(), deps.org.organisation.timezone).date;
  const flagOf = (m: Measure, day: string): OverviewItem['flag'] => {
    if (!isOpen(m)) return undefined;
    if (m.dueDate < day) return 'overdue';
    return daysBetween(day, m.dueDate) <= SOON_DAYS ? 'soon' : undefined;
  };

  return {
    async personal(viewer: Viewer) {
      const person = viewer.person;
      if (!person) return [];
      const s = measureStringsFor(viewer.locale);
      const o = overviewStrings[viewer.locale];
      const tz = deps.org.organisation.timezone;
      const day = today();
      const mine = (await deps.measures.listByOwner(person.id, 200)).sort(
        (a, b) => Number(!isOpen(a)) - Number(!isOpen(b)) || a.dueDate.localeCompare(b.dueDate),
      );
      const measures = mine.map((m) => ({
        title: m.title,
        subtitle: s.list.item(
          s.statuses[m.status],
          m.dueDate,
          ownerName(m, deps.org),
          Math.max(0, daysBetween(localParts(m.createdAt, tz).date, day)),
        ),
        flag: flagOf(m, day),
      }));

      const myControls = controlInstances(deps.org.organisation).filter(
        (c) => c.responsibleId === person.id,
      );
      const yearAgo = addDays(parseDate(day)!, -366).toString();
      const answers = new Map(
        (await deps.controls.since(yearAgo)).map((r) => [`${r.controlId}|${r.dueDate}`, r]),
      );
      const controls = myControls.map((c): OverviewItem => {
        const system = c.systemId ? deps.org.systemById(c.systemId)?.name : undefined;
        const title = system ? `${c.control.title} · ${system}` : c.control.title;
        const past = controlDueDates(c.control, yearAgo, day);
        const latest = past.at(-1);
        const next = controlDueDates(
          c.control,
          addDays(parseDate(day)!, 1).toString(),
          '9999-12-31',
        )[0];
        const answer = latest ? answers.get(`${c.id}|${latest}`) : undefined;
        if (latest && !answer) return { title, subtitle: o.waiting(latest), flag: 'overdue' };
        const parts = [next ? o.next(next) : ''];
        if (latest && answer) parts.push(o.last(latest, answer.outcome === 'deviation'));
        const soon = next !== undefined && daysBetween(day, next) <= SOON_DAYS;
        return {
          title,
          subtitle: parts.filter(Boolean).join(', '),
          flag: soon ? 'soon' : undefined,
        };
      });
      return [
        section('measures.mine', s.list.mine, s.list.none, measures),
        ...(myControls.length > 0
          ? [section('controls.mine', o.controls, o.noControls, controls)]
          : []),
      ];
    },

    async dashboard(viewer: Viewer): Promise<DashboardPart[]> {
      const s = measureStringsFor(viewer.locale);
      const o = overviewStrings[viewer.locale];
      const day = today();
      const year = Number(day.slice(0, 4));
      const open = await deps.measures.listOpen();
      const count = (origin: MeasureOriginKind, overdue: boolean) =>
        open.filter((m) => m.origin.kind === origin && m.dueDate < day === overdue).length;

      const results = await deps.controls.since(`${year}-01-01`);
      const answered = new Map(results.map((r) => [`${r.controlId}|${r.dueDate}`, r.outcome]));
      const perControl = new Map<string, { due: number; done: number; deviations: number }>();
      for (const c of controlInstances(deps.org.organisation)) {
        const row = perControl.get(c.control.title) ?? { due: 0, done: 0, deviations: 0 };
        for (const due of controlDueDates(c.control, `${year}-01-01`, day)) {
          row.due += 1;
          const outcome = answered.get(`${c.id}|${due}`);
          if (outcome) row.done += 1;
          if (outcome === 'deviation') row.deviations += 1;
        }
        perControl.set(c.control.title, row);
      }
      const controls = [...perControl.entries()];
      return [
        {
          kind: 'chart',
          id: 'measures-open',
          heading: o.measuresByOrigin,
          type: 'stacked-bar',
          labels: ORIGINS.map((k) => s.origins[k]),
          series: [
            { label: o.onTime, data: ORIGINS.map((k) => count(k, false)) },
            { label: o.overdue, data: ORIGINS.map((k) => count(k, true)) },
          ],
        },
        {
          kind: 'chart',
          id: 'controls-year',
          heading: o.controlsYear(year),
          type: 'bar',
          labels: controls.map(([title]) => title),
          series: [
            { label: o.due, data: controls.map(([, r]) => r.due) },
            { label: o.done, data: controls.map(([, r]) => r.done) },
            { label: o.deviations, data: controls.map(([, r]) => r.deviations) },
          ],
        },
      ];
    },
  };
}
