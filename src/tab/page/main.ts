import { app, authentication } from '@microsoft/teams-js';
import { toCsv } from '../../platform/csv.js';
import {
  ApiError,
  apiClient,
  type ApiClient,
  type DashboardPart,
  type OverviewSection,
  type RuleView,
  type Session,
} from './api.js';
import { drawChart } from './charts.js';
import { renderInbox } from './inbox.js';
import { pageStrings, type PageLocale, type PageStrings } from './strings.js';

/**
 * The personal tab "Översikt". In Teams: single sign-on (the token goes to the API as
 * a bearer token), the Teams locale and theme. In local mode, a plain browser: a
 * person picker from the organisation file, a "lokalt läge" banner and the inbox view.
 */

type View = 'mine' | 'dashboard' | 'rules' | 'inbox';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  content?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (content !== undefined) element.textContent = content;
  if (className) element.className = className;
  return element;
}

interface State {
  session: Session;
  api: ApiClient;
  s: PageStrings;
  locale: PageLocale;
  theme: string;
  /** Local mode: the person chosen in the picker. */
  person: string;
  dashboard: boolean;
}

const PERSON_KEY = 'itsak-tab-person';

function setTheme(theme: string): void {
  document.body.dataset.theme = theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

function setStatus(text: string): void {
  byId('status').textContent = text;
}

function failure(state: State, error: unknown): void {
  const message =
    error instanceof ApiError
      ? error.status === 401 && state.session.mode === 'production'
        ? state.s.signInFailed
        : error.message
      : state.s.failed;
  setStatus(message);
}

/** Starts in Teams when the page is in Teams; otherwise (local mode) in the browser. */
async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const session = (await (await fetch('/tab/api/session')).json()) as Session;
  let locale: PageLocale = params.get('locale')?.startsWith('en') ? 'en' : 'sv';
  let theme = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'default';
  let credentials: () => Promise<Record<string, string>>;

  if (session.mode === 'production') {
    await app.initialize();
    const context = await app.getContext();
    locale = context.app.locale.toLowerCase().startsWith('en') ? 'en' : 'sv';
    theme = context.app.theme;
    app.registerOnThemeChangeHandler((next) => {
      state.theme = next;
      setTheme(next);
      void render(state, currentView);
    });
    // Teams caches the token and renews it before it runs out.
    credentials = async () => ({ authorization: `Bearer ${await authentication.getAuthToken()}` });
  } else {
    credentials = async () => ({ 'x-local-person': state.person });
  }
  setTheme(theme);
  document.documentElement.lang = locale;
  const s = pageStrings(locale);
  const state: State = {
    session,
    api: apiClient(credentials, locale),
    s,
    locale,
    theme,
    person: '',
    dashboard: false,
  };
  byId('heading').textContent = s.heading;
  document.title = s.heading;
  byId('views').setAttribute('aria-label', s.viewsLabel);

  if (session.mode === 'local') {
    const banner = byId('banner');
    banner.textContent = s.localBanner;
    banner.hidden = false;
    setUpPicker(state, params.get('person') ?? sessionStorage.getItem(PERSON_KEY) ?? '');
  }
  if (session.mode === 'production') app.notifySuccess();
  await showViews(state);
}

function setUpPicker(state: State, initial: string): void {
  const picker = byId('picker');
  const select = byId<HTMLSelectElement>('person');
  byId('person-label').textContent = state.s.whoAreYou;
  select.replaceChildren(new Option(state.s.choose, ''));
  for (const p of state.session.people)
    select.appendChild(new Option(p.title ? `${p.name} (${p.title})` : p.name, p.id));
  if (state.session.people.some((p) => p.id === initial)) select.value = initial;
  state.person = select.value;
  picker.hidden = false;
  select.addEventListener('change', () => {
    state.person = select.value;
    sessionStorage.setItem(PERSON_KEY, state.person);
    currentView = 'mine';
    void showViews(state);
  });
}

let currentView: View = 'mine';

async function showViews(state: State): Promise<void> {
  if (state.session.mode === 'local' && !state.person) {
    renderNav(state, []);
    hideViews();
    byId('who').textContent = '';
    setStatus(state.s.choose);
    return;
  }
  await render(state, currentView);
}

function hideViews(): void {
  for (const view of ['mine', 'dashboard', 'rules', 'inbox'] as View[])
    byId(`view-${view}`).hidden = true;
}

function renderNav(state: State, views: View[]): void {
  const nav = byId('views');
  nav.replaceChildren(
    ...views.map((view) => {
      const button = el('button', state.s.views[view]);
      button.type = 'button';
      button.dataset.view = view;
      if (view === currentView) button.setAttribute('aria-current', 'page');
      button.addEventListener('click', () => {
        currentView = view;
        void render(state, view);
      });
      return button;
    }),
  );
}

async function render(state: State, view: View): Promise<void> {
  setStatus(state.s.loading);
  try {
    const overview = view === 'mine' || !state.dashboard ? await state.api.overview() : undefined;
    if (overview) {
      state.dashboard = overview.dashboard;
      byId('who').textContent = overview.viewer.name
        ? state.s.signedInAs(overview.viewer.name)
        : state.s.notInOrganisation;
    }
    const views: View[] = ['mine'];
    if (state.dashboard) views.push('dashboard');
    views.push('rules');
    if (state.session.inbox) views.push('inbox');
    if (!views.includes(view)) view = currentView = 'mine';
    renderNav(state, views);
    hideViews();
    const target = byId(`view-${view}`);
    target.hidden = false;
    if (view === 'mine') renderSections(target, overview!.sections, state.s);
    else if (view === 'dashboard')
      renderDashboard(target, (await state.api.dashboard()).parts, state);
    else if (view === 'rules') renderRules(target, state);
    else await renderInboxView(target, state);
    setStatus('');
  } catch (error) {
    failure(state, error);
  }
}

function renderSections(target: HTMLElement, sections: OverviewSection[], s: PageStrings): void {
  target.replaceChildren(
    ...sections.map((section) => {
      const box = el('section', undefined, 'box');
      box.dataset.section = section.id;
      box.appendChild(el('h2', section.heading));
      if (section.items.length === 0) {
        box.appendChild(el('p', section.none, 'none'));
        return box;
      }
      const list = el('ul', undefined, 'items');
      for (const item of section.items) {
        const li = el('li');
        const title = el('span', item.title, 'title');
        li.appendChild(title);
        if (item.flag) li.appendChild(el('span', s.flags[item.flag], `flag ${item.flag}`));
        li.appendChild(el('span', item.subtitle, 'subtitle'));
        list.appendChild(li);
      }
      box.appendChild(list);
      if (section.total > section.items.length)
        box.appendChild(el('p', s.more(section.total - section.items.length), 'none'));
      return box;
    }),
  );
}

function tableOf(columns: string[], rows: string[][], marked: number[] = []): HTMLTableElement {
  const table = el('table');
  const head = el('tr');
  for (const c of columns) {
    const th = el('th', c);
    th.scope = 'col';
    head.appendChild(th);
  }
  table.appendChild(el('thead')).appendChild(head);
  const body = table.appendChild(el('tbody'));
  rows.forEach((row, i) => {
    const tr = el('tr');
    if (marked.includes(i)) tr.className = 'marked';
    row.forEach((cell, j) => {
      const td = el(j === 0 ? 'th' : 'td', cell);
      if (j === 0) (td as HTMLTableCellElement).scope = 'row';
      tr.appendChild(td);
    });
    body.appendChild(tr);
  });
  return table;
}

/** The chart's figures as a table: a row per category, a column per series. */
function chartRows(part: Extract<DashboardPart, { kind: 'chart' }>): {
  columns: string[];
  rows: string[][];
} {
  return {
    columns: ['', ...part.series.map((s) => s.label)],
    rows: part.labels.map((label, i) => [label, ...part.series.map((s) => String(s.data[i] ?? 0))]),
  };
}

function csvButton(s: PageStrings, name: string, columns: string[], rows: string[][]): HTMLElement {
  const link = el('a', s.downloadCsv, 'csv');
  // A byte order mark, so that Excel reads å, ä and ö.
  const blob = new Blob(['\ufeff', toCsv([columns, ...rows])], { type: 'text/csv;charset=utf-8' });
  link.href = URL.createObjectURL(blob);
  link.download = `${name}.csv`;
  return link;
}

function renderDashboard(target: HTMLElement, parts: DashboardPart[], state: State): void {
  const { s } = state;
  target.replaceChildren();
  for (const part of parts) {
    const figure = el('figure', undefined, 'box');
    figure.dataset.part = part.id;
    figure.appendChild(el('h2', part.heading));
    if (part.kind === 'chart') {
      const { columns, rows } = chartRows(part);
      const holder = el('div', undefined, 'chart');
      const canvas = el('canvas');
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', s.chartLabel(part.heading));
      holder.appendChild(canvas);
      figure.appendChild(holder);
      const details = el('details');
      details.appendChild(el('summary', s.showTable));
      details.appendChild(tableOf(columns, rows));
      figure.appendChild(details);
      figure.appendChild(csvButton(s, part.id, columns, rows));
      target.appendChild(figure);
      drawChart(canvas, part, state.locale);
    } else {
      if (part.rows.length === 0) figure.appendChild(el('p', part.none, 'none'));
      else {
        const scroll = el('div', undefined, 'scroll');
        scroll.appendChild(tableOf(part.columns, part.rows, part.marked));
        figure.appendChild(scroll);
        figure.appendChild(csvButton(s, part.id, part.columns, part.rows));
      }
      target.appendChild(figure);
    }
  }
}

function ruleElement(rule: RuleView): HTMLDetailsElement {
  const details = el('details', undefined, 'rule');
  details.appendChild(el('summary', `${rule.id} · ${rule.title}`));
  details.appendChild(el('p', rule.text, 'rule-text'));
  if (rule.reference) details.appendChild(el('p', rule.reference, 'subtitle'));
  return details;
}

function renderRules(target: HTMLElement, state: State): void {
  const { s } = state;
  const form = el('form', undefined, 'search');
  form.setAttribute('role', 'search');
  const label = el('label', s.rulesSearch);
  label.htmlFor = 'rules-query';
  const input = el('input');
  input.id = 'rules-query';
  input.type = 'search';
  input.maxLength = 500;
  input.placeholder = s.rulesPlaceholder;
  const button = el('button', s.search);
  button.type = 'submit';
  form.append(label, input, button);
  const results = el('div', undefined, 'results');
  results.setAttribute('aria-live', 'polite');
  const show = async () => {
    try {
      const view = await state.api.rules(input.value.trim());
      if (view.kind === 'browse') {
        results.replaceChildren(
          ...view.areas.map((area) => {
            const box = el('section', undefined, 'box');
            box.appendChild(el('h2', area.title));
            box.append(...area.rules.map(ruleElement));
            return box;
          }),
        );
        return;
      }
      const parts: HTMLElement[] = [];
      if (view.answer) {
        parts.push(el('h2', s.answer));
        const answer = ruleElement(view.answer);
        answer.open = true;
        parts.push(answer);
        if (view.suggestions.length > 0) parts.push(el('h3', s.suggestions));
      } else if (view.suggestions.length > 0) parts.push(el('p', s.noAnswer));
      else parts.push(el('p', s.nothingFound, 'none'));
      parts.push(...view.suggestions.map(ruleElement));
      results.replaceChildren(...parts);
    } catch (error) {
      failure(state, error);
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void show();
  });
  target.replaceChildren(form, results);
  void show();
}

async function renderInboxView(target: HTMLElement, state: State): Promise<void> {
  const { s } = state;
  const bar = el('div', undefined, 'picker');
  const label = el('label', s.inboxFor);
  label.htmlFor = 'inbox-person';
  const select = el('select');
  select.id = 'inbox-person';
  for (const p of state.session.people) select.appendChild(new Option(p.name, p.id));
  select.value = state.person;
  bar.append(label, select);
  const messages = el('div');
  target.replaceChildren(el('p', s.inboxIntro, 'subtitle'), bar, messages);
  const load = () => renderInbox(messages, state.api, select.value, s, state.theme);
  select.addEventListener('change', () => {
    load().catch((error: unknown) => failure(state, error));
  });
  await load();
}

start().catch(() => {
  setStatus(pageStrings('sv').failed);
});
