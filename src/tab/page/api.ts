/**
 * What the tab's API answers (src/tab/tab.routes.ts and src/platform/overview.ts on
 * the server). The page is compiled on its own, with the DOM library and no Node
 * types, so it declares the shapes it reads here.
 */
export interface Session {
  mode: 'local' | 'production';
  organisation: string;
  inbox: boolean;
  people: { id: string; name: string; title: string }[];
}

export interface OverviewItem {
  title: string;
  subtitle: string;
  flag?: 'overdue' | 'soon';
}

export interface OverviewSection {
  id: string;
  heading: string;
  none: string;
  items: OverviewItem[];
  total: number;
}

export interface Overview {
  viewer: { name: string; roles: string[] };
  dashboard: boolean;
  sections: OverviewSection[];
}

export interface DashboardChart {
  kind: 'chart';
  id: string;
  heading: string;
  type: 'bar' | 'stacked-bar' | 'doughnut';
  labels: string[];
  series: { label: string; data: number[] }[];
}

export interface DashboardTable {
  kind: 'table';
  id: string;
  heading: string;
  columns: string[];
  rows: string[][];
  marked: number[];
  none: string;
}

export type DashboardPart = DashboardChart | DashboardTable;

export interface RuleView {
  id: string;
  area: string;
  title: string;
  text: string;
  reference: string;
}

export type RulesView =
  | { kind: 'browse'; areas: { id: string; title: string; rules: RuleView[] }[] }
  | { kind: 'search'; answer: RuleView | null; suggestions: RuleView[] };

export interface InboxMessage {
  id: string;
  at: string;
  status: string;
  text: string;
  cards: Record<string, unknown>[];
}

export interface PressAnswer {
  status: number;
  card: Record<string, unknown> | null;
  message: string | null;
  replies: { text: string; cards: Record<string, unknown>[] }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Calls the API with the viewer's credentials: the SSO token, or the local picker's choice. */
export function apiClient(credentials: () => Promise<Record<string, string>>, locale: string) {
  async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
    const url = `${path}${path.includes('?') ? '&' : '?'}locale=${encodeURIComponent(locale)}`;
    const response = await fetch(url, {
      ...init,
      headers: {
        ...(await credentials()),
        ...(init.headers as Record<string, string> | undefined),
      },
    });
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    if (!response.ok) throw new ApiError(response.status, body.error ?? response.statusText);
    return body as T;
  }
  return {
    session: () => call<Session>('/tab/api/session'),
    overview: () => call<Overview>('/tab/api/overview'),
    dashboard: () => call<{ parts: DashboardPart[] }>('/tab/api/dashboard'),
    rules: (q: string) => call<RulesView>(`/tab/api/rules?q=${encodeURIComponent(q)}`),
    inbox: (person: string) =>
      call<{ messages: InboxMessage[] }>(
        `/tab/api/local/inbox?person=${encodeURIComponent(person)}`,
      ),
    press: (person: string, verb: string, data: unknown) =>
      call<PressAnswer>('/tab/api/local/press', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ person, verb, data }),
      }),
  };
}

export type ApiClient = ReturnType<typeof apiClient>;
