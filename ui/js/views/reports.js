// Reports: the PDF report, the XLSX workbook and blank forms, each saved
// through a save dialog, with "open the folder" afterwards.
import { S } from '../strings.js';
import { h, select, toast, showError } from '../dom.js';
import { call, saveDialog, revealInFolder } from '../backend.js';
import { surveyPicker, needSurvey, stamp } from './common.js';

export async function render(main, ctx) {
  if (!needSurvey(main, ctx, S.reports.title)) return;
  const survey = ctx.survey();
  const status = h('div', { id: 'report-status', class: 'row' });
  const others = ctx.surveys.filter((s) => s.id !== survey.id).map((s) => ({ value: s.id, label: `${s.name} (${s.date_text})` }));
  const compare = select([{ value: '', label: S.results.noCompare }, ...others], '', { id: 'report-compare' });
  const saved = (path) => {
    status.replaceChildren(h('span', {}, `${S.reports.written} ${path}`), h('button', { onclick: () => revealInFolder(path) }, S.common.openFolder));
    toast(`${S.reports.written} ${path}`);
  };
  const run = async (format) => {
    const path = await saveDialog(`${S.reports.reportFile} ${survey.name} ${stamp()}.${format}`, [{ name: format.toUpperCase(), extensions: [format] }]);
    if (!path) return;
    status.replaceChildren(h('span', {}, S.reports.making));
    try {
      saved(await call('save_report', { surveyId: survey.id, compareWith: compare.value ? Number(compare.value) : null, format, path }));
    } catch (e) { status.replaceChildren(); showError(e); }
  };
  main.append(h('div', { class: 'row' }, h('label', { class: 'inline' }, S.common.survey, surveyPicker(ctx, () => ctx.go('reports'))),
    h('label', { class: 'inline' }, S.results.compare, compare)));
  main.append(h('div', { class: 'card' },
    h('div', { class: 'row' }, h('button', { class: 'primary', id: 'save-pdf', onclick: () => run('pdf') }, S.reports.pdf),
      h('button', { id: 'save-xlsx', onclick: () => run('xlsx') }, S.reports.xlsx)),
    h('h3', {}, S.reports.blank),
    h('div', { class: 'row' }, survey.instruments.map((i) => h('button', { onclick: async () => {
      const path = await saveDialog(`${S.reports.blankFile} ${S.instruments[i]}.pdf`, [{ name: 'PDF', extensions: ['pdf'] }]);
      if (!path) return;
      try { saved(await call('save_blank_form', { surveyId: survey.id, instrument: i, path })); } catch (e) { showError(e); }
    } }, S.instruments[i]))),
    status));
}
