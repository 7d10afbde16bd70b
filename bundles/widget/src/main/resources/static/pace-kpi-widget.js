/**
 * <pace-kpi-widget>: Pace's KPI widget for the host CRM's dashboard.
 *
 * A manager sees their client touches this week and this month; a head of sales or an admin sees a table of the
 * managers they may see (someone with both kinds of role sees both). The data comes from Pace's REST API on the
 * same origin, with the user's CRM session. Plain ES module, no build step, no external resources.
 *
 * Stable hooks for tests and for host pages:
 * - the host element's data-state is "loading" (no data yet), "ready" or "error"; data-loads counts the
 *   successful loads, so a test can wait for the load after an event;
 * - every number has data-metric="touches", data-period="week" or "month" (and data-manager-id in the table),
 *   and its text is the plain integer.
 * It refreshes every 60 s and whenever the window receives a "crm:activity-logged" event.
 */

const API = '/pace/api/v1';
const REFRESH_MS = 60_000;
const ACTIVITY_EVENT = 'crm:activity-logged';
const PERIODS = [
  { id: 'week', label: 'this week' },
  { id: 'month', label: 'this month' },
];

const STYLE = `
  :host {
    display: block;
    font: inherit;
    color: inherit;
    --pace-accent: #1f6feb;
    --pace-muted: #5b6470;
    --pace-border: #d8dee4;
    --pace-error: #b42318;
  }
  :host([hidden]) { display: none; }
  .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: 0.75rem; margin: 0; }
  .card { border: 1px solid var(--pace-border); border-radius: 0.5rem; padding: 0.75rem 1rem; margin: 0; }
  .card dt { font-size: 0.875rem; color: var(--pace-muted); }
  .card dd { margin: 0; }
  .number { display: block; font-size: 2.25rem; font-weight: 600; line-height: 1.2; color: var(--pace-accent);
            font-variant-numeric: tabular-nums; }
  .range { font-size: 0.8125rem; color: var(--pace-muted); }
  table { border-collapse: collapse; width: 100%; margin-top: 0.75rem; }
  caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
  th, td { padding: 0.375rem 0.5rem; border-bottom: 1px solid var(--pace-border); text-align: left; }
  td.count, th.count { text-align: right; font-variant-numeric: tabular-nums; }
  .note, .empty { color: var(--pace-muted); font-size: 0.8125rem; margin: 0.5rem 0 0; }
  .error { color: var(--pace-error); margin: 0; }
  .loading { color: var(--pace-muted); margin: 0; }
`;

/** A failed API call, carrying the problem+json detail for the user. */
class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

/** Creates an element with attributes and children (strings become text nodes, never HTML). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null) node.append(child);
  }
  return node;
}

/** GET a Pace resource as JSON; a non-2xx answer becomes an ApiError with the problem's detail. */
async function getJson(path, signal) {
  const response = await fetch(API + path, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
    signal,
  });
  if (!response.ok) {
    throw new ApiError(response.status, await problemDetail(response));
  }
  return response.json();
}

async function problemDetail(response) {
  try {
    const problem = await response.json();
    if (problem && typeof problem.detail === 'string' && problem.detail) return problem.detail;
    if (problem && typeof problem.title === 'string' && problem.title) return problem.title;
  } catch (e) {
    // not JSON (a proxy's error page, say): fall through to the status line
  }
  return `Pace answered ${response.status} ${response.statusText}`.trim();
}

/** The integer value of a metric, as plain digits: test hooks compare text, so no locale grouping. */
function count(report, metric) {
  const value = report && report.metrics ? report.metrics[metric] : undefined;
  return Number.isInteger(value) ? String(value) : '0';
}

/** An ISO date (YYYY-MM-DD) for people, without shifting it through the browser's time zone. */
function day(iso) {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
}

function range(report) {
  return el('span', { class: 'range' },
    el('time', { datetime: report.from }, day(report.from)),
    ' – ',
    el('time', { datetime: report.to }, day(report.to)),
    ` (${report.timeZone})`);
}

export class PaceKpiWidget extends HTMLElement {
  #body;
  #timer = null;
  #controller = null;
  #generation = 0;
  #loads = 0;
  #onActivity = () => this.refresh();

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    // one polite live region: screen readers hear the new numbers without being interrupted
    this.#body = el('div', { class: 'body', 'aria-live': 'polite' });
    root.append(style, this.#body);
  }

  connectedCallback() {
    if (!this.hasAttribute('role')) this.setAttribute('role', 'region');
    if (!this.hasAttribute('aria-label')) this.setAttribute('aria-label', 'Pace KPIs');
    window.addEventListener(ACTIVITY_EVENT, this.#onActivity);
    this.#timer = setInterval(() => this.refresh(), REFRESH_MS);
    this.refresh();
  }

  disconnectedCallback() {
    window.removeEventListener(ACTIVITY_EVENT, this.#onActivity);
    clearInterval(this.#timer);
    this.#timer = null;
    if (this.#controller) this.#controller.abort();
  }

  /** Loads everything again; a newer refresh supersedes one still in flight. */
  async refresh() {
    const generation = ++this.#generation;
    if (this.#controller) this.#controller.abort();
    const controller = new AbortController();
    this.#controller = controller;
    if (this.#loads === 0) {
      this.#setState('loading');
      this.#show(el('p', { class: 'loading' }, 'Loading your KPIs…'));
    }
    this.setAttribute('aria-busy', 'true');
    try {
      const content = await this.#load(controller.signal);
      if (generation !== this.#generation) return;
      this.#show(content);
      this.#loads += 1;
      this.setAttribute('data-loads', String(this.#loads));
      this.#setState('ready');
    } catch (error) {
      if (generation !== this.#generation || error.name === 'AbortError') return;
      const detail = error instanceof ApiError ? error.message : `Pace is not reachable: ${error.message}`;
      this.#show(el('p', { class: 'error' }, detail));
      this.#setState('error');
    } finally {
      if (generation === this.#generation) this.removeAttribute('aria-busy');
    }
  }

  async #load(signal) {
    const me = await getJson('/me', signal);
    const roles = new Set(me.roles || []);
    const parts = [];
    if (roles.has('MANAGER')) {
      parts.push(await this.#own(me, signal));
    }
    if (roles.has('HEAD') || roles.has('ADMIN')) {
      parts.push(await this.#team(me, signal));
    }
    if (parts.length === 0) {
      parts.push(el('p', { class: 'empty' }, 'Pace has no KPIs for your role.'));
    }
    return parts;
  }

  /** The caller's own touches this week and this month, as two big numbers. */
  async #own(me, signal) {
    const id = encodeURIComponent(me.id);
    const reports = await Promise.all(
      PERIODS.map((p) => getJson(`/managers/${id}/kpis?period=${p.id}`, signal)));
    return el('dl', { class: 'cards' }, PERIODS.map((period, i) => {
      const labelId = `pace-touches-${period.id}`;
      return el('div', { class: 'card' },
        el('dt', { id: labelId }, `Client touches ${period.label}`),
        el('dd', {},
          el('span', { class: 'number', 'data-metric': 'touches', 'data-period': period.id,
            'aria-labelledby': labelId }, count(reports[i], 'touches')),
          range(reports[i])));
    }));
  }

  /** The managers the caller may see (but themself, shown above), with touches this week and this month. */
  async #team(me, signal) {
    const managers = await getJson('/managers', signal);
    const others = managers.filter((m) => m.id !== me.id || !(me.roles || []).includes('MANAGER'));
    if (others.length === 0) {
      return el('p', { class: 'empty' }, 'No managers to show yet.');
    }
    const rows = await Promise.all(others.map(async (manager) => {
      const id = encodeURIComponent(manager.id);
      const [week, month] = await Promise.all(
        PERIODS.map((p) => getJson(`/managers/${id}/kpis?period=${p.id}`, signal)));
      return { manager, week, month };
    }));
    const cell = (row, period, report) => el('td', {
      class: 'count', 'data-metric': 'touches', 'data-period': period, 'data-manager-id': row.manager.id,
    }, count(report, 'touches'));
    return el('div', {},
      el('table', {},
        el('caption', {}, 'Client touches by manager'),
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col' }, 'Manager'),
          el('th', { scope: 'col', class: 'count' }, 'This week'),
          el('th', { scope: 'col', class: 'count' }, 'This month'))),
        el('tbody', {}, rows.map((row) => el('tr', {},
          el('th', { scope: 'row' }, row.manager.displayName),
          cell(row, 'week', row.week),
          cell(row, 'month', row.month))))),
      el('p', { class: 'note' }, 'Weeks and months are counted in each manager’s own time zone.'));
  }

  #show(content) {
    this.#body.replaceChildren(...[content].flat());
  }

  #setState(state) {
    this.setAttribute('data-state', state);
  }
}

if (!customElements.get('pace-kpi-widget')) {
  customElements.define('pace-kpi-widget', PaceKpiWidget);
}
