// Reports: the PDF report, the XLSX workbook, the editable DOCX and blank
// forms, each saved
// through a save dialog, with "open the folder" afterwards.
import { S } from '../strings.js';
import { h, select, toast, showError } from '../dom.js';
import { call, saveDialog, revealInFolder } from '../backend.js';
import { surveyPicker, needSurvey, stamp } from './common.js';
import { showResults } from './results.js';

export async function render(main, ctx) {
  if (!needSurvey(main, ctx, S.reports.title)) return;
  const survey = ctx.survey();
  const status = h('div', { id: 'report-status', class: 'row' });
  const others = ctx.surveys.filter((s) => s.id !== survey.id).map((s) => ({ value: s.id, label: `${s.name} (${s.date_text})` }));
  // The comparison chosen on the Results screen, if any.
  const chosen = others.some((o) => o.value === ctx.compare[survey.uuid]) ? ctx.compare[survey.uuid] : '';
  const compare = select([{ value: '', label: S.results.noCompare }, ...others], chosen, {
    id: 'report-compare', onchange: () => { ctx.compare[survey.uuid] = compare.value ? Number(compare.value) : null; },
  });
  // Only the subdivisions the organization's report publishes may have a
  // report of their own (a hidden one would be recovered by subtraction).
  let reportable = [];
  try { reportable = await call('reportable_subdivisions', { surveyId: survey.id }); } catch (e) { showError(e); }
  const scope = select([{ value: '', label: S.reports.wholeOrg }, ...reportable.map((s) => ({ value: s, label: s }))], '', { id: 'report-scope' });
  const saved = (path) => {
    status.replaceChildren(h('span', {}, `${S.reports.written} ${path}`), h('button', { onclick: () => revealInFolder(path) }, S.common.openFolder));
    toast(`${S.reports.written} ${path}`);
  };
  const run = async (format) => {
    const path = await saveDialog(`${S.reports.reportFile} ${survey.name} ${stamp()}.${format}`, [{ name: format.toUpperCase(), extensions: [format] }]);
    if (!path) return;
    status.replaceChildren(h('span', {}, S.reports.making));
    try {
      saved(await call('save_report', { surveyId: survey.id, compareWith: compare.value ? Number(compare.value) : null, subdivision: scope.value || null, format, path }));
    } catch (e) { status.replaceChildren(); showError(e); }
  };
  main.append(h('div', { class: 'row' }, h('label', { class: 'inline' }, S.common.survey, surveyPicker(ctx, () => ctx.go('reports'))),
    h('label', { class: 'inline' }, S.results.compare, compare),
    survey.subdivisions.length ? h('label', { class: 'inline' }, S.reports.scope, scope) : null,
    survey.subdivisions.length > reportable.length ? h('p', { class: 'hint', id: 'scope-hidden' }, S.reports.scopeHidden) : null));
  main.append(h('div', { class: 'card' },
    h('div', { class: 'row' }, h('button', { class: 'primary', id: 'save-pdf', onclick: () => run('pdf') }, S.reports.pdf),
      h('button', { id: 'save-xlsx', onclick: () => run('xlsx') }, S.reports.xlsx),
      h('button', { id: 'save-docx', onclick: () => run('docx') }, S.reports.docx)),
    h('h3', {}, S.reports.blank),
    h('div', { class: 'row' }, survey.instruments.map((i) => h('button', { onclick: async () => {
      const path = await saveDialog(`${S.reports.blankFile} ${S.instruments[i]}.pdf`, [{ name: 'PDF', extensions: ['pdf'] }]);
      if (!path) return;
      try { saved(await call('save_blank_form', { surveyId: survey.id, instrument: i, path })); } catch (e) { showError(e); }
    } }, S.instruments[i]))),
    status));
  main.append(await settingsCard(survey, ctx));
  if (survey.instruments.includes('culture')) main.append(await textsCard(survey));
  main.append(consolidatedCard(ctx, saved, status));
}

// The open answers before the report: the operator hides one that names or
// describes its author; it is counted, not printed, in every report.
async function textsCard(survey) {
  const card = h('div', { class: 'card', id: 'texts-card' }, h('h3', {}, S.reports.textsTitle), h('p', { class: 'hint' }, S.reports.textsHint));
  let texts = [];
  try { texts = await call('open_texts', { surveyId: survey.id }); } catch (e) { showError(e); return card; }
  if (!texts.length) { card.append(h('p', {}, S.reports.textsNone)); return card; }
  const table = h('table', { class: 'texts' }, h('tr', {}, h('th', {}, S.reports.textsAnswer), h('th', {}, S.reports.textsTimes), h('th', {}, S.reports.textsHide)));
  texts.forEach((t, i) => {
    const box = h('input', { type: 'checkbox', id: `hide-text-${i}`, checked: t.hidden, 'aria-label': `${S.reports.textsHide}: ${t.text}` });
    box.addEventListener('change', async () => {
      try { await call('set_text_hidden', { surveyId: survey.id, text: t.text, hidden: box.checked }); toast(box.checked ? S.reports.textHidden : S.reports.textShown); } catch (e) { box.checked = !box.checked; showError(e); }
    });
    table.append(h('tr', {}, h('td', {}, t.text), h('td', {}, String(t.count)), h('td', {}, box)));
  });
  card.append(table);
  return card;
}

// The consolidated report: several surveys (typically one year's, of the
// organizations merged from their exchange files) pooled in one report,
// each organization a group.
function consolidatedCard(ctx, saved, status) {
  const list = ctx.surveys.filter((s) => !s.archived);
  const label = (s) => ` ${s.organization ? `${s.organization}: ` : ''}${s.name} (${s.date_text})`;
  const boxes = list.map((s) => h('input', { type: 'checkbox', value: s.id, id: `pool-${s.id}` }));
  const before = list.map((s) => h('input', { type: 'checkbox', value: s.id, id: `pool-before-${s.id}` }));
  const picked = (set) => set.filter((b) => b.checked).map((b) => Number(b.value));
  const view = h('div', { id: 'pool-view' });
  const run = async (format) => {
    const surveys = picked(boxes);
    const compare = picked(before);
    // The selection is checked before the save dialog opens.
    if (surveys.length < 2) { showError({ message: S.reports.pooledNeedsTwo }); return; }
    const path = await saveDialog(`${S.reports.pooledFile} ${stamp()}.${format}`, [{ name: format.toUpperCase(), extensions: [format] }]);
    if (!path) return;
    status.replaceChildren(h('span', {}, S.reports.making));
    try { saved(await call('save_consolidated_report', { surveys, compare, format, path })); } catch (e) { status.replaceChildren(); showError(e); }
  };
  const show = async () => {
    view.replaceChildren(h('p', { class: 'muted' }, S.common.loading));
    if (picked(boxes).length < 2) { view.replaceChildren(); showError({ message: S.reports.pooledNeedsTwo }); return; }
    try {
      const r = await call('consolidated_results', { surveys: picked(boxes), compare: picked(before) });
      view.replaceChildren();
      showResults(view, r);
    } catch (e) { view.replaceChildren(); showError(e); }
  };
  return h('div', { class: 'card', id: 'consolidated' },
    h('h3', {}, S.reports.pooled), h('p', { class: 'hint' }, S.reports.pooledHint),
    h('div', { class: 'pool-list' }, list.map((s, i) => h('label', { for: `pool-${s.id}` }, boxes[i], label(s)))),
    h('details', {}, h('summary', {}, S.reports.pooledBefore),
      h('div', { class: 'pool-list' }, list.map((s, i) => h('label', { for: `pool-before-${s.id}` }, before[i], label(s))))),
    h('div', { class: 'row' }, h('button', { id: 'pool-show', onclick: show }, S.reports.pooledShow),
      ['pdf', 'xlsx', 'docx'].map((f) => h('button', { id: `pool-${f}`, onclick: () => run(f) }, S.reports[f]))),
    view);
}

// The report settings: staff for the participation rate, who prepared and
// who approves the report, and the department's proposals.
async function settingsCard(survey, ctx) {
  const r = await call('report_settings', { surveyId: survey.id });
  const input = (value, attrs = {}) => h('input', { type: 'text', value, ...attrs });
  const total = input(r.staff_total, { id: 'staff-total', inputmode: 'numeric', size: 8 });
  const staff = r.staff.map(([name, n]) => [name, input(n, { inputmode: 'numeric', size: 8, 'aria-label': name })]);
  const prepPos = input(r.prepared_position, { id: 'prepared-position', size: 40 });
  const prepName = input(r.prepared_name, { id: 'prepared-name', size: 28 });
  const apprPos = input(r.approved_position, { id: 'approved-position', size: 40 });
  const apprName = input(r.approved_name, { id: 'approved-name', size: 28 });
  const proposals = h('textarea', { id: 'proposals', rows: 8, cols: 90 });
  proposals.value = r.proposals;
  const save = async () => {
    try {
      await call('save_report_settings', { surveyId: survey.id, settings: {
        staff_total: total.value, staff: staff.map(([name, el]) => [name, el.value]),
        prepared_position: prepPos.value, prepared_name: prepName.value,
        approved_position: apprPos.value, approved_name: apprName.value, proposals: proposals.value,
      } });
      toast(S.reports.settingsSaved);
    } catch (e) { showError(e); }
  };
  const draft = async () => {
    try {
      const text = await call('proposals_draft', { surveyId: survey.id });
      proposals.value = proposals.value.trim() ? `${proposals.value.trimEnd()}\n${text}` : text;
      proposals.focus();
    } catch (e) { showError(e); }
  };
  return h('div', { class: 'card', id: 'report-settings' },
    h('h3', {}, S.reports.settings),
    h('p', { class: 'hint' }, S.reports.settingsHint),
    h('label', { class: 'inline' }, S.reports.staffTotal, total),
    staff.length ? h('table', { class: 'staff' }, h('tr', {}, h('th', {}, S.reports.subdivision), h('th', {}, S.reports.staff)),
      staff.map(([name, el]) => h('tr', {}, h('td', {}, name), h('td', {}, el)))) : null,
    h('div', { class: 'row' }, h('label', { class: 'inline' }, S.reports.preparedPosition, prepPos), h('label', { class: 'inline' }, S.reports.name, prepName)),
    h('div', { class: 'row' }, h('label', { class: 'inline' }, S.reports.approvedPosition, apprPos), h('label', { class: 'inline' }, S.reports.name, apprName)),
    h('label', {}, S.reports.proposals, proposals),
    h('div', { class: 'row' }, h('button', { onclick: draft, id: 'proposals-draft' }, S.reports.draft),
      h('button', { class: 'primary', onclick: save, id: 'save-report-settings' }, S.reports.saveSettings)));
}
