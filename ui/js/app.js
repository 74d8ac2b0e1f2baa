// The shell: navigation, the chosen survey, and the screens.
import { S } from './strings.js';
import { h, clear, showError } from './dom.js';
import { call, onEvent } from './backend.js';
import * as surveys from './views/surveys.js';
import * as entry from './views/entry.js';
import * as results from './views/results.js';
import * as reports from './views/reports.js';
import * as data from './views/data.js';
import * as kiosk from './views/kiosk.js';
import * as network from './views/network.js';
import * as about from './views/about.js';

const views = { surveys, entry, results, reports, data, kiosk, network, about };
const order = ['surveys', 'entry', 'results', 'reports', 'data', 'kiosk', 'network', 'about'];

export const ctx = {
  surveys: [],
  surveyId: Number(localStorage.getItem('surveyId')) || null,
  current: 'surveys',
  // The survey each survey is compared with, chosen on Results and kept
  // for Reports (keyed by the survey's UUID, which no other survey takes).
  compare: {},
  async refresh() {
    this.surveys = await call('list_surveys');
    if (!this.surveys.some((s) => s.id === this.surveyId)) {
      const first = this.surveys.find((s) => !s.archived);
      this.surveyId = first ? first.id : null;
    }
  },
  survey() { return this.surveys.find((s) => s.id === this.surveyId) || null; },
  setSurvey(id) { this.surveyId = Number(id) || null; localStorage.setItem('surveyId', String(this.surveyId ?? '')); },
  go(name) { show(name); },
};

function nav() {
  const box = clear(document.getElementById('nav'));
  box.append(h('div', { class: 'brand' }, S.brand));
  order.forEach((name, i) => {
    box.append(h('button', {
      id: `nav-${name}`,
      'aria-current': ctx.current === name ? 'page' : null,
      onclick: () => show(name),
      title: `Alt+${i + 1}`,
    }, S.nav[name], h('span', { class: 'key' }, `Alt+${i + 1}`)));
  });
}

// Screens are drawn into a detached element and shown only when complete,
// and only if no other screen was asked for meanwhile: two quick switches
// (Alt+2 then a questionnaire) must not leave two half-drawn screens mixed.
let rendering = 0;

export async function show(name) {
  ctx.current = name;
  nav();
  const token = ++rendering;
  // A view checks ctx.token after each await and stops if it changed.
  ctx.token = token;
  const main = document.getElementById('main');
  main.replaceChildren(h('p', { class: 'muted' }, S.common.loading));
  const view = h('div', { class: 'view' });
  try {
    await ctx.refresh();
    await views[name].render(view, ctx);
  } catch (e) {
    if (token !== rendering) return;
    clear(view);
    view.append(h('h1', {}, S.nav[name]));
    showError(e);
  }
  if (token !== rendering) return;
  main.replaceChildren(view);
  main.scrollTop = 0;
  // Focus goes to the screen's own starting point, or to the screen itself,
  // so that the arrows and PageDown scroll it (never to the page's body).
  const focus = view.querySelector('[data-autofocus]');
  if (focus) focus.focus();
  else main.focus({ preventScroll: true });
}

// No browser behaviour in an office application: no context menu (with its
// «Перезагрузить»), no reload by F5 or Ctrl+R, which in kiosk mode would
// otherwise be a way around the PIN.
document.addEventListener('contextmenu', (e) => e.preventDefault());
document.addEventListener('keydown', (e) => {
  const key = e.key.toLowerCase();
  if (e.key === 'F5' || ((e.ctrlKey || e.metaKey) && (key === 'r' || key === 'к'))) e.preventDefault();
});
onEvent('kiosk-close-requested', () => kiosk.closeRequested());

document.addEventListener('keydown', (e) => {
  if (e.altKey && e.key >= '1' && e.key <= String(order.length)
      && document.getElementById('kiosk').hidden && !document.getElementById('nav').hidden) {
    e.preventDefault();
    show(order[Number(e.key) - 1]);
  }
});

/**
 * The start screen when the database could not be opened: the reason, a hint
 * chosen by the error code, «Повторить» and «Закрыть Klimat». Resolves once
 * the database is open.
 */
function startProblem(status) {
  return new Promise((resolve) => {
    document.getElementById('nav').hidden = true;
    const main = clear(document.getElementById('main'));
    const render = (st, again) => {
      clear(main);
      const hint = S.start.hints[st.problem.code];
      const retry = h('button', {
        id: 'start-retry', class: 'primary',
        onclick: async () => {
          retry.disabled = true;
          try {
            const next = await call('retry_open');
            if (!next.problem) {
              document.getElementById('nav').hidden = false;
              resolve();
              return;
            }
            render(next, true);
          } catch (e) { showError(e); retry.disabled = false; }
        },
      }, S.start.retry);
      main.append(h('div', { id: 'start-problem', class: 'card start-problem', role: 'alert' },
        h('h1', {}, S.start.title),
        h('p', {}, st.problem.message),
        hint ? h('p', {}, hint) : null,
        h('p', { class: 'muted' }, S.start.file, ' ', h('code', {}, st.db_path)),
        again ? h('p', { class: 'muted' }, S.start.still) : null,
        h('div', { class: 'row' }, retry,
          h('button', { id: 'start-quit', onclick: () => call('quit').catch(showError) }, S.start.quit))));
      retry.focus();
    };
    render(status, false);
  });
}

// The cold-start figure (README): reported once, for the first screen shown.
let painted = false;
function firstPaint() {
  if (painted) return;
  painted = true;
  requestAnimationFrame(() => call('first_paint').catch(() => {}));
}

window.addEventListener('DOMContentLoaded', async () => {
  try {
    const status = await call('startup');
    if (status.problem) {
      firstPaint();
      await startProblem(status);
    }
  } catch (e) { showError(e); }
  try {
    const status = await call('kiosk_status');
    if (status.active) { kiosk.resume(ctx, status); return; }
  } catch (e) { showError(e); }
  await show('surveys');
  firstPaint();
});
