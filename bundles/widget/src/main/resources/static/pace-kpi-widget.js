/**
 * <pace-kpi-widget>: Pace's KPI widget for the host CRM's dashboard.
 *
 * A manager sees their own numbers this week and this month: client touches (big), then the targets whose period
 * contains today with how the manager is pacing against each (done, expected by now, target, status in words, needed
 * per remaining working day, and the sentence that explains it), then a table of every other KPI
 * in groups: first and new contacts; client touches by channel; meetings held and call attempts; the deals that
 * reached each stage of the funnel, in funnel order; deals won, deals lost and revenue in its currency. Below it the
 * working days left this month and a "why didn't some activities count?" disclosure that loads the week's excluded
 * activities with the reasons in words. A head of sales or an admin sees a table of the managers they may see, by
 * team: touches, first contacts, new contacts, meetings held, deals won, deals lost and revenue, this week and this
 * month (someone with both kinds of role sees both). The data comes from Pace's REST API on the same origin, with
 * the user's CRM session. Plain ES module, no build step, no external resources.
 *
 * Revenue is money in the report's currency ("€1,250.50"). A period without revenue shows zero in the currency of
 * the manager's other period, else in the element's optional currency attribute (an ISO 4217 code the host may
 * set, e.g. currency="EUR"), else "None": Pace only knows a currency from the deals won.
 *
 * Stable hooks for tests and for host pages:
 * - the host element's data-state is "loading" (no data yet), "ready" or "error"; data-loads counts the
 *   successful loads, so a test can wait for the load after an event;
 * - every number has data-metric (the metric id of org.pacekpi.api.Metrics: touches, touches:<channel>,
 *   firstContacts, newContacts, meetingsHeld, callAttempts, stage:<stage>, dealsWon, dealsLost; or revenue,
 *   workingDaysLeft, excluded) and data-period ("week" or "month"), in the table also data-manager-id; the text of a
 *   count is the plain integer; a revenue cell holds one [data-currency][data-value] line of formatted money per
 *   currency (data-value the plain amount), or the text "None";
 * - the disclosure is details[data-exclusions]; its body has data-state "loading", "ready" or "error" and one
 *   [data-metric=excluded][data-reason=<REASON>] count per reason.
 * - the targets table is table[data-targets] (the manager's own) or table[data-team-targets=<team id>]; each row is
 *   tr[data-target-id][data-metric] with cells [data-field=actual|expectedToDate|target|neededPerWorkingDay] holding
 *   plain numbers and a [data-status=ahead|on_track|behind|at_risk] cell holding the status in words.
 * The module also exports the pure functions that name and order the KPIs, targets and statuses and format money,
 * for tests.
 * It refreshes every 60 s and whenever the window receives a "crm:activity-logged" event.
 */

const API = '/pace/api/v1';
const REFRESH_MS = 60_000;
const ACTIVITY_EVENT = 'crm:activity-logged';
const PERIODS = [
  { id: 'week', label: 'this week', heading: 'This week', short: 'Week' },
  { id: 'month', label: 'this month', heading: 'This month', short: 'Month' },
];

/** Pace's metrics in the user's words; ids as in org.pacekpi.api.Metrics. */
const METRICS = {
  touches: { label: 'Client touches' },
  firstContacts: { label: 'First contacts', hint: 'first touches with contacts new to the company' },
  newContacts: { label: 'New contacts', hint: 'contacts added to the CRM' },
  meetingsHeld: { label: 'Meetings held', hint: 'with a client attending' },
  callAttempts: { label: 'Call attempts', hint: 'connected or not' },
  dealsWon: { label: 'Deals won' },
  dealsLost: { label: 'Deals lost' },
  revenue: { label: 'Revenue', hint: 'of deals won' },
};

const TOUCHES_BY_CHANNEL = 'touches:';
const STAGE = 'stage:';

/** The channels of client touches, always shown in this order (0 when none); "none" only when it has touches. */
const CHANNELS = [
  { id: 'phone', label: 'Phone' },
  { id: 'email', label: 'E-mail' },
  { id: 'messenger', label: 'Messenger' },
  { id: 'in_person', label: 'In person' },
  { id: 'video', label: 'Video call' },
];
const OTHER_CHANNELS = { none: 'Channel not recorded' };

/**
 * Pace's default sales funnel in order (the sandbox's deal stages), always shown (0 when none). Pace's API does not
 * say yet which stages a CRM has: a stage not listed here is shown after these, by its id.
 */
const FUNNEL = [
  { id: 'meeting', label: 'Meeting' },
  { id: 'intro', label: 'Intro' },
  { id: 'presentation', label: 'Presentation' },
  { id: 'proposal', label: 'Proposal' },
  { id: 'paid', label: 'Paid' },
];

/** The columns of the managers table for heads of sales and admins: what compares managers, not every detail. */
const TEAM_METRICS = ['touches', 'firstContacts', 'newContacts', 'meetingsHeld', 'dealsWon', 'dealsLost', 'revenue'];

/** How many excluded activities the disclosure lists besides the counts. */
const WHY_LIMIT = 5;

/** Pace's exclusion reasons in words; a reason this version does not know is shown by its name. */
const REASONS = {
  COLLEAGUE: 'With a colleague, not a client',
  DUPLICATE: 'Repeats of a touch already counted (same contact, same channel)',
  SHORT_CALL: 'Calls too short to count',
  NOT_CONNECTED: 'Calls that did not connect',
  NOT_DELIVERED: 'E-mails or messages not delivered',
  MEETING_NOT_HELD: 'Meetings cancelled or not held',
  AUTOMATED: 'Created by automation',
  NO_COUNTERPART: 'No identifiable contact',
};

/** A metric in the user's words; a channel or stage this version does not know keeps its id. */
export function metricLabel(id) {
  if (METRICS[id]) return METRICS[id].label;
  if (id.startsWith(TOUCHES_BY_CHANNEL)) {
    const channel = id.slice(TOUCHES_BY_CHANNEL.length);
    const known = CHANNELS.find((c) => c.id === channel);
    return known ? known.label : OTHER_CHANNELS[channel] || channel;
  }
  if (id.startsWith(STAGE)) {
    const stage = id.slice(STAGE.length);
    const known = FUNNEL.find((s) => s.id === stage);
    return known ? known.label : stage;
  }
  return id;
}

/**
 * The rows of a manager's KPI table in groups, from their reports (one per period): every KPI, the channels and
 * stages Pace always has first in their order, then the ones only these reports have, by id. Touches are left out:
 * they are the big numbers above the table.
 */
export function kpiGroups(reports) {
  const reported = new Set(reports.flatMap((report) => Object.keys((report && report.metrics) || {})));
  const known = [...CHANNELS.map((c) => TOUCHES_BY_CHANNEL + c.id), ...FUNNEL.map((s) => STAGE + s.id)];
  const others = (prefix) => [...reported].filter((id) => id.startsWith(prefix) && !known.includes(id)).sort();
  const groups = [
    { heading: 'Contacts', metrics: ['firstContacts', 'newContacts'] },
    { heading: 'Client touches by channel',
      metrics: [...CHANNELS.map((c) => TOUCHES_BY_CHANNEL + c.id), ...others(TOUCHES_BY_CHANNEL)] },
    { heading: 'Meetings and calls', metrics: ['meetingsHeld', 'callAttempts'] },
    { heading: 'Deals that reached each stage', metrics: [...FUNNEL.map((s) => STAGE + s.id), ...others(STAGE)] },
    { heading: 'Deal results', metrics: ['dealsWon', 'dealsLost', 'revenue'] },
  ];
  // a metric a newer Pace reports and this version has no place for is still shown, by its id
  const placed = new Set(['touches', ...groups.flatMap((g) => g.metrics)]);
  const unplaced = [...reported].filter((id) => !placed.has(id)).sort();
  if (unplaced.length > 0) groups.push({ heading: 'Other counts', metrics: unplaced });
  return groups.map((group) => ({
    heading: group.heading,
    rows: group.metrics.map((id) => ({ id, label: metricLabel(id), hint: METRICS[id] && METRICS[id].hint })),
  }));
}

/** The currencies a set of reports has revenue in, in order of appearance. */
export function currenciesOf(reports) {
  return [...new Set(reports.flatMap((report) => ((report && report.revenue) || []).map((m) => m.currency)))];
}

/**
 * The revenue lines of a report: its money per currency, or, if it has none, zero in each of the fallback
 * currencies (none: no line, the widget then says "None").
 */
export function revenueLines(report, fallbackCurrencies) {
  const entries = (report && report.revenue) || [];
  if (entries.length > 0) return entries;
  return fallbackCurrencies.map((currency) => ({ currency, amount: 0 }));
}

/**
 * An amount of money for people, e.g. "€1,250.50" in the reader's locale (or the given one); the plain amount and
 * the code if the code is no currency Intl accepts.
 */
export function formatMoney(amount, currency, locale) {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    // Intl rejects a malformed code: the user still sees the amount and what the API said
    return `${amount} ${currency}`;
  }
}

/** Pace statuses in words, from the best to the worst; the order ranks a team's worst. */
const STATUSES = {
  ahead: { label: 'Ahead', symbol: '▲' },
  on_track: { label: 'On track', symbol: '●' },
  behind: { label: 'Behind', symbol: '▼' },
  at_risk: { label: 'At risk', symbol: '■' },
};

/** A pace status in words; one this version does not know keeps its id. */
export function statusLabel(status) {
  return STATUSES[status] ? STATUSES[status].label : String(status);
}

/**
 * The position of a metric in the funnel's order (activities first, then the stages, then deal results), for
 * ordering targets the way the funnel reads; unknown metrics after, by id.
 */
function funnelRank(metric) {
  const order = ['touches', 'firstContacts', 'meetingsHeld', ...FUNNEL.map((s) => STAGE + s.id), 'dealsWon',
    'dealsLost', 'newContacts', 'callAttempts'];
  const i = order.indexOf(metric);
  return i >= 0 ? i : order.length;
}

/**
 * The rows of a targets table from the API's pacing list: in funnel order (then by metric id and period start),
 * each with its label and status in words; a malformed entry (no metric or no numbers) is left out.
 */
export function targetRows(pacing) {
  return (pacing || [])
    .filter((p) => p && typeof p.metric === 'string' && Number.isInteger(p.target) && Number.isInteger(p.actual))
    .slice()
    .sort((a, b) => funnelRank(a.metric) - funnelRank(b.metric) || a.metric.localeCompare(b.metric)
      || String(a.from).localeCompare(String(b.from)))
    .map((p) => ({
      id: p.targetId,
      metric: p.metric,
      label: p.metric === 'dealsWon' ? 'Paid deals' : metricLabel(p.metric),
      period: p.period,
      actual: p.actual,
      expectedToDate: p.expectedToDate,
      target: p.target,
      status: p.status,
      statusLabel: statusLabel(p.status),
      neededPerWorkingDay: p.neededPerWorkingDay && p.neededPerWorkingDay.decimal !== undefined
        ? Number(p.neededPerWorkingDay.decimal) : null,
      explanation: p.explanation || '',
    }));
}

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
  section + section { margin-top: 1.25rem; }
  h3 { font-size: 1rem; margin: 0 0 0.5rem; }
  .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: 0.75rem; margin: 0; }
  .card { border: 1px solid var(--pace-border); border-radius: 0.5rem; padding: 0.75rem 1rem; margin: 0; }
  .card dt { font-size: 0.875rem; color: var(--pace-muted); }
  .card dd { margin: 0; }
  .number { display: block; font-size: 2.25rem; font-weight: 600; line-height: 1.2; color: var(--pace-accent);
            font-variant-numeric: tabular-nums; }
  .range { font-size: 0.8125rem; color: var(--pace-muted); }
  .scroll { overflow-x: auto; }
  .scroll:focus-visible { outline: 2px solid var(--pace-accent); outline-offset: 2px; }
  table { border-collapse: collapse; width: 100%; margin-top: 0.75rem; }
  caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
  th, td { padding: 0.375rem 0.5rem; border-bottom: 1px solid var(--pace-border); text-align: left;
           vertical-align: top; }
  thead th { font-size: 0.875rem; color: var(--pace-muted); font-weight: 600; }
  td.count, th.count { text-align: right; font-variant-numeric: tabular-nums; }
  th.metric { text-align: center; }
  th.group { background: color-mix(in srgb, var(--pace-border) 35%, transparent); font-weight: 600; }
  .hint { display: block; font-size: 0.8125rem; color: var(--pace-muted); font-weight: normal; }
  .money { display: block; white-space: nowrap; }
  .none { color: var(--pace-muted); }
  .strong { font-weight: 600; font-variant-numeric: tabular-nums; }
  .note, .empty { color: var(--pace-muted); font-size: 0.8125rem; margin: 0.5rem 0 0; }
  .days { margin: 0.75rem 0 0; }
  details.why { margin-top: 0.75rem; }
  details.why summary { cursor: pointer; color: var(--pace-accent); width: fit-content; }
  details.why summary:focus-visible { outline: 2px solid var(--pace-accent); outline-offset: 2px; }
  .why-body { margin: 0.5rem 0 0 1rem; }
  .why-body p { margin: 0 0 0.25rem; }
  .why-body ul, .why-body ol { margin: 0.25rem 0 0.5rem; padding-left: 1.25rem; }
  .why-body li { margin: 0.125rem 0; }
  .status { white-space: nowrap; font-weight: 600; }
  .status[data-status="ahead"] { color: #1a7f37; }
  .status[data-status="on_track"] { color: var(--pace-accent); }
  .status[data-status="behind"] { color: #9a6700; }
  .status[data-status="at_risk"] { color: var(--pace-error); }
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
  for (const child of children.flat(Infinity)) {
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

/**
 * A revenue cell's content: one line of money per currency, each with its machine-readable currency and amount, or
 * "None" when there is no revenue and no currency to show a zero in.
 */
function revenue(report, fallbackCurrencies) {
  const lines = revenueLines(report, fallbackCurrencies);
  if (lines.length === 0) return el('span', { class: 'none' }, 'None');
  return lines.map((line) => el('span', {
    class: 'money', 'data-currency': line.currency, 'data-value': String(line.amount),
  }, formatMoney(line.amount, line.currency)));
}

function plural(n, one, many) {
  return n === 1 ? one : many;
}

/** When an excluded activity happened, in the browser's time zone, e.g. "Thu 12:15". */
function when(instant) {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(date);
}

export class PaceKpiWidget extends HTMLElement {
  #body;
  #timer = null;
  #controller = null;
  #whyController = null;
  #whyOpen = false;
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
    if (this.#whyController) this.#whyController.abort();
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
      // the managers, and the teams' targets when there are any
      parts.push(...[await this.#team(me, roles, signal)].flat());
    }
    if (parts.length === 0) {
      parts.push(el('p', { class: 'empty' }, 'Pace has no KPIs for your role.'));
    }
    return parts;
  }

  /** The caller's own numbers this week and this month. */
  async #own(me, signal) {
    const id = encodeURIComponent(me.id);
    const [week, month] = await Promise.all(
      PERIODS.map((p) => getJson(`/managers/${id}/kpis?period=${p.id}`, signal)));
    const reports = { week, month };

    const cards = el('dl', { class: 'cards' }, PERIODS.map((period) => {
      const labelId = `pace-touches-${period.id}`;
      return el('div', { class: 'card' },
        el('dt', { id: labelId }, `Client touches ${period.label}`),
        el('dd', {},
          el('span', { class: 'number', 'data-metric': 'touches', 'data-period': period.id,
            'aria-labelledby': labelId }, count(reports[period.id], 'touches')),
          range(reports[period.id])));
    }));

    const fallback = this.#zeroCurrencies([week, month]);
    const cell = (id, period) => el('td', { class: 'count', 'data-metric': id, 'data-period': period.id },
      id === 'revenue' ? revenue(reports[period.id], fallback) : count(reports[period.id], id));
    const table = el('table', {},
      el('caption', {}, 'Your other KPIs'),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col' }, 'KPI'),
        PERIODS.map((period) => el('th', { scope: 'col', class: 'count' }, period.heading)))),
      kpiGroups([week, month]).map((group) => el('tbody', {},
        el('tr', {}, el('th', { scope: 'rowgroup', colspan: 1 + PERIODS.length, class: 'group' }, group.heading)),
        group.rows.map((row) => el('tr', {},
          el('th', { scope: 'row' }, row.label, row.hint ? el('span', { class: 'hint' }, row.hint) : null),
          PERIODS.map((period) => cell(row.id, period)))))));

    return el('section', { class: 'own', 'aria-labelledby': 'pace-own-heading' },
      el('h3', { id: 'pace-own-heading' }, 'Your KPIs'),
      cards,
      // what the manager is measured against comes right under the big numbers
      this.#targets(month && month.pacing, { 'data-targets': '' }, 'Your targets and pace'),
      el('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': 'Your KPIs table, scrolls sideways' },
        table),
      this.#workingDays(month),
      this.#why(me.id));
  }

  /**
   * The currencies a period without revenue shows zero in: those of the manager's other reports, else the one the
   * host set on the element, else none.
   */
  #zeroCurrencies(reports) {
    const seen = currenciesOf(reports);
    if (seen.length > 0) return seen;
    const configured = (this.getAttribute('currency') || '').trim().toUpperCase();
    return configured ? [configured] : [];
  }

  /** "9 working days left this month (of 21)", which pacing is about; nothing if Pace did not say. */
  #workingDays(month) {
    const days = month && month.workingDays;
    if (!days || !Number.isInteger(days.remaining)) return null;
    return el('p', { class: 'days' },
      el('span', { class: 'strong', 'data-metric': 'workingDaysLeft', 'data-period': 'month' },
        String(days.remaining)),
      ` ${plural(days.remaining, 'working day', 'working days')} left this month`,
      Number.isInteger(days.total) ? ` (of ${days.total})` : '',
      '.');
  }

  /**
   * A table of targets and how they are pacing: done, expected by now, target, status in words, and what is needed
   * per remaining working day; the explanation under each KPI's name. Nothing when there are no targets.
   */
  #targets(pacing, hook, caption) {
    const rows = targetRows(pacing);
    if (rows.length === 0) return null;
    const number = (field, value) => el('td', { class: 'count', 'data-field': field },
      value === null || value === undefined ? '–' : String(value));
    return el('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': `${caption}, scrolls sideways` },
      el('table', hook,
        el('caption', {}, caption),
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col' }, 'Target'),
          el('th', { scope: 'col', class: 'count' }, 'Done'),
          el('th', { scope: 'col', class: 'count' }, 'Expected by now'),
          el('th', { scope: 'col', class: 'count' }, 'Target'),
          el('th', { scope: 'col' }, 'Pace'),
          el('th', { scope: 'col', class: 'count' }, 'Needed per working day'))),
        el('tbody', {}, rows.map((row) => el('tr', { 'data-target-id': row.id, 'data-metric': row.metric },
          el('th', { scope: 'row' }, `${row.label} (${row.period})`,
            row.explanation ? el('span', { class: 'hint' }, row.explanation) : null),
          number('actual', row.actual),
          number('expectedToDate', row.expectedToDate),
          number('target', row.target),
          el('td', { class: 'status', 'data-status': row.status },
            `${STATUSES[row.status] ? STATUSES[row.status].symbol + ' ' : ''}${row.statusLabel}`),
          number('neededPerWorkingDay', row.neededPerWorkingDay))))));
  }

  /** "Why didn't some activities count?": loads this week's exclusions when opened, and again on refresh. */
  #why(managerId) {
    const body = el('div', { class: 'why-body' });
    const details = el('details', { class: 'why', 'data-exclusions': '' },
      el('summary', {}, 'Why didn’t some activities count this week?'),
      body);
    details.addEventListener('toggle', () => {
      this.#whyOpen = details.open;
      if (details.open) {
        this.#loadWhy(managerId, body);
      } else if (this.#whyController) {
        this.#whyController.abort();
      }
    });
    // keep it open across refreshes; the toggle event then loads it again
    if (this.#whyOpen) details.open = true;
    return details;
  }

  async #loadWhy(managerId, body) {
    if (this.#whyController) this.#whyController.abort();
    const controller = new AbortController();
    this.#whyController = controller;
    body.setAttribute('data-state', 'loading');
    body.setAttribute('aria-busy', 'true');
    body.replaceChildren(el('p', { class: 'loading' }, 'Loading…'));
    try {
      const id = encodeURIComponent(managerId);
      const report = await getJson(`/managers/${id}/exclusions?period=week&limit=${WHY_LIMIT}`, controller.signal);
      if (controller.signal.aborted) return;
      body.replaceChildren(...this.#exclusions(report));
      body.setAttribute('data-state', 'ready');
    } catch (error) {
      if (error.name === 'AbortError') return;
      const detail = error instanceof ApiError ? error.message : `Pace is not reachable: ${error.message}`;
      body.replaceChildren(el('p', { class: 'error' }, detail));
      body.setAttribute('data-state', 'error');
    } finally {
      if (this.#whyController === controller) body.removeAttribute('aria-busy');
    }
  }

  /** The counts by reason in words, then the newest excluded activities with their explanation. */
  #exclusions(report) {
    const total = Number.isInteger(report.total) ? report.total : 0;
    if (total === 0) {
      return [el('p', {}, 'Everything you did this week counted.')];
    }
    const parts = [
      el('p', {},
        el('span', { class: 'strong', 'data-metric': 'excluded', 'data-period': 'week' }, String(total)),
        ` ${plural(total, 'activity', 'activities')} this week did not count as client touches:`),
      el('ul', {}, Object.entries(report.byReason || {}).map(([reason, n]) => el('li', {},
        `${REASONS[reason] || reason}: `,
        el('span', { class: 'strong', 'data-metric': 'excluded', 'data-period': 'week', 'data-reason': reason },
          String(n))))),
    ];
    const activities = report.activities || [];
    if (activities.length > 0) {
      parts.push(el('p', {}, activities.length < total ? `The latest ${activities.length}:` : 'They were:'));
      parts.push(el('ol', {}, activities.map((a) => el('li', { 'data-activity-id': a.activityId },
        el('time', { datetime: a.occurredAt }, when(a.occurredAt)),
        ` · ${String(a.kind || '').toLowerCase()}`,
        a.counterpart ? ` with ${a.counterpart}` : '',
        ': ',
        a.explanation || REASONS[a.reason] || a.reason))));
    }
    return parts;
  }

  /**
   * The managers the caller may see (but themself, shown above), by team, with the KPIs that compare them this
   * week and this month. A team's numbers come in one request per period; a manager outside the caller's teams (an
   * admin sees managers without a team too) in their own.
   */
  async #team(me, roles, signal) {
    const [managers, teams] = await Promise.all([getJson('/managers', signal), getJson('/teams', signal)]);
    const shown = managers.filter((m) => m.id !== me.id || !roles.has('MANAGER'));
    if (shown.length === 0) {
      return el('p', { class: 'empty' }, 'No managers to show yet.');
    }

    const reports = new Map(shown.map((m) => [m.id, {}]));
    const teamReports = await Promise.all(teams.map((team) => Promise.all(PERIODS.map((p) => getJson(
      `/teams/${encodeURIComponent(team.id)}/kpis?period=${p.id}`, signal)))));
    // the team's own targets, from the month's report (pacing does not depend on the period asked)
    const teamTargets = teams.map((team, i) => this.#targets(teamReports[i][PERIODS.length - 1].pacing,
      { 'data-team-targets': team.id }, `Targets of ${team.name}`));
    teamReports.forEach((byPeriod) => byPeriod.forEach((report, i) => {
      for (const member of report.members || []) {
        const entry = reports.get(member.managerId);
        if (entry) entry[PERIODS[i].id] = member;
      }
    }));
    const missing = shown.filter((m) => PERIODS.some((p) => !reports.get(m.id)[p.id]));
    await Promise.all(missing.map(async (manager) => {
      const id = encodeURIComponent(manager.id);
      const own = await Promise.all(PERIODS.map((p) => getJson(`/managers/${id}/kpis?period=${p.id}`, signal)));
      own.forEach((report, i) => { reports.get(manager.id)[PERIODS[i].id] = report; });
    }));

    // groups in the order of the teams, then whoever is in none of them
    const groups = teams.map((team) => ({ name: team.name, managers: shown.filter((m) => m.teamId === team.id) }))
      .filter((group) => group.managers.length > 0);
    const grouped = new Set(groups.flatMap((group) => group.managers.map((m) => m.id)));
    const others = shown.filter((m) => !grouped.has(m.id));
    if (others.length > 0) groups.push({ name: groups.length > 0 ? 'Other managers' : null, managers: others });
    const withHeadings = groups.length > 1;
    const columns = 1 + TEAM_METRICS.length * PERIODS.length;

    const cell = (manager, metric, period) => {
      const own = reports.get(manager.id);
      return el('td', {
        class: 'count', 'data-metric': metric, 'data-period': period.id, 'data-manager-id': manager.id,
      }, metric === 'revenue' ? revenue(own[period.id], this.#zeroCurrencies(PERIODS.map((p) => own[p.id])))
        : count(own[period.id], metric));
    };
    const table = el('table', {},
      el('caption', {}, 'Managers this week and this month'),
      el('thead', {},
        el('tr', {},
          el('th', { scope: 'col', rowspan: 2 }, 'Manager'),
          TEAM_METRICS.map((metric) => el('th', { scope: 'colgroup', colspan: PERIODS.length, class: 'metric' },
            metricLabel(metric)))),
        el('tr', {}, TEAM_METRICS.map(() => PERIODS.map((period) => el('th', {
          scope: 'col', class: 'count', title: period.heading,
        }, period.short))))),
      groups.map((group) => el('tbody', {},
        withHeadings && group.name ? el('tr', {}, el('th', { scope: 'rowgroup', colspan: columns, class: 'group' },
          group.name)) : null,
        group.managers.map((manager) => el('tr', {},
          el('th', { scope: 'row' }, manager.displayName),
          TEAM_METRICS.map((metric) => PERIODS.map((period) => cell(manager, metric, period))))))));
    const managersSection = el('section', { class: 'managers', 'aria-labelledby': 'pace-managers-heading' },
      el('h3', { id: 'pace-managers-heading' }, 'Your managers'),
      el('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': 'Managers table, scrolls sideways' },
        table),
      el('p', { class: 'note' }, 'Weeks and months are counted in each manager’s own time zone.'));
    const withTargets = teamTargets.filter((table) => table !== null);
    if (withTargets.length === 0) return managersSection;
    return [managersSection, el('section', { class: 'team-targets', 'aria-labelledby': 'pace-team-targets-heading' },
      el('h3', { id: 'pace-team-targets-heading' }, 'Team targets'), withTargets)];
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
