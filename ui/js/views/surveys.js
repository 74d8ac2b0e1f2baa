// Surveys: list, create, edit, archive.
import { S } from '../strings.js';
import { h, clear, toast, showError, select, confirmDialog } from '../dom.js';
import { call } from '../backend.js';
import { stamp } from './common.js';

let showArchived = false;
// After a survey is created, the list says what to do next.
let nextSteps = false;

function nextStepsCard(ctx) {
  const go = (screen) => h('button', { onclick: () => ctx.go(screen) }, S.nav[screen]);
  return h('div', { class: 'card next-steps', id: 'next-steps' },
    h('h3', {}, S.surveys.nextTitle),
    h('ol', {},
      h('li', {}, S.surveys.nextForms, ' ', go('reports')),
      h('li', {}, S.surveys.nextEntry, ' ', go('entry'), ' ', go('kiosk'), ' ', go('data')),
      h('li', {}, S.surveys.nextResults, ' ', go('results'))));
}

export async function render(main, ctx) {
  main.append(h('h1', {}, S.surveys.title));
  const bar = h('div', { class: 'row' },
    h('button', { class: 'primary', id: 'new-survey', onclick: () => editor(main, ctx, null).catch(showError) }, S.surveys.create),
    h('label', { class: 'inline' }, h('input', { type: 'checkbox', checked: showArchived, onchange: (e) => { showArchived = e.target.checked; ctx.go('surveys'); } }), S.surveys.showArchived));
  main.append(bar);
  if (nextSteps) { main.append(nextStepsCard(ctx)); nextSteps = false; }
  const list = ctx.surveys.filter((s) => showArchived || !s.archived);
  const hasExample = ctx.surveys.some((s) => s.example);
  if (!hasExample) {
    // A newcomer, or a trainer, can look at real-looking results at once.
    bar.append(h('button', { id: 'open-example', onclick: async () => {
      try { ctx.setSurvey(await call('open_example')); toast(S.surveys.exampleOpened); ctx.go('results'); } catch (e) { showError(e); }
    } }, S.surveys.openExample));
  }
  if (!list.length) { main.append(h('p', { class: 'hint' }, S.surveys.none), h('p', { class: 'hint' }, S.surveys.exampleHint)); return; }
  const table = h('table', { id: 'survey-table' },
    h('tr', {}, h('th', {}, S.surveys.name), h('th', {}, S.surveys.date), h('th', {}, S.surveys.org),
      h('th', {}, S.surveys.forms), h('th', {}, '')));
  for (const s of list) {
    const counts = s.instruments.map((i) => `${S.instruments[i]}: ${s.form_counts[['commitment', 'satisfaction', 'culture'].indexOf(i)]}`).join('\n');
    table.append(h('tr', { class: s.id === ctx.surveyId ? 'selected' : '' },
      h('td', {}, h('button', { class: 'link', onclick: () => { ctx.setSurvey(s.id); ctx.go('surveys'); } }, s.name),
        s.archived ? ` (${S.surveys.archived})` : '', s.example ? h('span', { class: 'badge' }, S.surveys.example) : null),
      h('td', {}, s.date_text),
      h('td', {}, s.organization || ''),
      h('td', { class: 'pre' }, counts),
      h('td', {},
        s.example ? h('button', { class: 'danger', id: 'remove-example', onclick: async () => {
          if (!await confirmDialog(S.surveys.confirmRemoveExample, { yes: S.surveys.removeExample, danger: true })) return;
          try { await call('remove_example'); ctx.setSurvey(null); ctx.go('surveys'); } catch (e) { showError(e); }
        } }, S.surveys.removeExample) : null, ' ',
        h('button', { onclick: () => editor(main, ctx, s).catch(showError) }, S.common.edit), ' ',
        h('button', { onclick: async () => {
          try { await call('set_survey_archived', { id: s.id, archived: !s.archived }); ctx.go('surveys'); } catch (e) { showError(e); }
        } }, s.archived ? S.surveys.unarchive : S.surveys.archive))));
  }
  main.append(table);
}

async function editor(main, ctx, s) {
  // A new survey starts from the backend's defaults (key, positions, K).
  const v = s || { ...(await call('survey_defaults')), name: `${S.surveys.defaultName} ${new Date().getFullYear()}`, date: stamp() };
  clear(main);
  main.append(h('h1', {}, s ? s.name : S.surveys.create));
  const name = h('input', { id: 'f-name', value: v.name, size: 50 });
  const org = h('input', { id: 'f-org', value: v.organization || '', size: 50 });
  const date = h('input', { id: 'f-date', type: 'date', value: v.date });
  const checks = Object.keys(S.instruments).map((i) =>
    h('label', { class: 'inline' }, h('input', { type: 'checkbox', id: `f-i-${i}`, value: i, checked: v.instruments.includes(i) }), S.instruments[i]));
  const key = select([{ value: 'corrected', label: S.keys.corrected }, { value: 'printed', label: S.keys.printed }], v.satisfaction_key, { id: 'f-key' });
  const subs = h('textarea', { id: 'f-subs', rows: 6, cols: 40 }, v.subdivisions.join('\n'));
  const pos = h('textarea', { id: 'f-pos', rows: 6, cols: 40 }, v.positions.join('\n'));
  const k = h('input', { id: 'f-k', type: 'number', min: 3, max: 50, value: v.anonymity_threshold });
  const save = async () => {
    const input = {
      name: name.value, organization: org.value || null, date: date.value,
      instruments: checks.map((c) => c.querySelector('input')).filter((c) => c.checked).map((c) => c.value),
      satisfaction_key: key.value, subdivisions: subs.value.split('\n'), positions: pos.value.split('\n'),
      anonymity_threshold: Number(k.value) || 5,
    };
    try {
      if (s) await call('update_survey', { id: s.id, survey: input });
      else { ctx.setSurvey(await call('create_survey', { survey: input })); nextSteps = true; }
      toast(S.surveys.saved);
      ctx.go('surveys');
    } catch (e) { showError(e); }
  };
  // Enter (outside the two lists) or Ctrl+Enter saves; Esc cancels, asking
  // first when something was changed.
  const snapshot = () => JSON.stringify([name.value, org.value, date.value, key.value, subs.value, pos.value, k.value,
    checks.map((c) => c.querySelector('input').checked)]);
  let initial = null;
  const cancel = async () => {
    if (snapshot() !== initial && !await confirmDialog(S.surveys.discard, { yes: S.surveys.discardYes, no: S.surveys.keepEditing })) return;
    ctx.go('surveys');
  };
  const keys = (e) => {
    if (e.key === 'Escape') { e.preventDefault(); cancel(); return; }
    if (e.key === 'Enter' && (e.ctrlKey || (e.target.tagName !== 'TEXTAREA' && e.target.tagName !== 'BUTTON'))) { e.preventDefault(); save(); }
  };
  main.append(h('div', { class: 'card', id: 'survey-editor', onkeydown: keys },
    h('div', { class: 'grid2' },
      h('div', {}, h('label', { for: 'f-name' }, S.surveys.name), name, h('label', { for: 'f-org' }, S.surveys.org), org,
        h('label', { for: 'f-date' }, S.surveys.date), date, h('label', {}, S.surveys.instruments), h('div', {}, checks),
        h('label', { for: 'f-key' }, S.surveys.key), key, h('label', { for: 'f-k' }, S.surveys.threshold), k),
      h('div', {}, h('label', { for: 'f-subs' }, S.surveys.subdivisions), subs, h('label', { for: 'f-pos' }, S.surveys.positions), pos)),
    h('div', { class: 'row' }, h('button', { class: 'primary', id: 'f-save', onclick: save }, S.common.save),
      h('button', { onclick: cancel }, S.common.cancel)),
    h('p', { class: 'hint' }, S.surveys.editorKeys)));
  initial = snapshot();
  name.focus();
}
