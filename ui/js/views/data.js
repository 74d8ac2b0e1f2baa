// Data: import (a refused file shows every bad cell), export, exchange
// files, backup and restore, with confirmations where data is replaced.
import { S } from '../strings.js';
import { h, clear, toast, showError, confirmDialog } from '../dom.js';
import { call, saveDialog, openDialog } from '../backend.js';
import { surveyPicker, instrumentPicker, needSurvey, stamp } from './common.js';

export async function render(main, ctx) {
  if (!needSurvey(main, ctx, S.data.title)) return;
  const survey = ctx.survey();
  let instrument = survey.instruments[0];
  const errors = h('div', { id: 'import-errors' });
  const importFile = async () => {
    const path = await openDialog([{ name: 'CSV, XLSX', extensions: ['csv', 'xlsx'] }]);
    if (!path) return;
    clear(errors);
    try {
      const r = await call('import_file', { surveyId: survey.id, path });
      toast(`${S.data.imported} ${r.count} (${S.instruments[r.instrument]})`);
    } catch (e) {
      if (e.code === 'bad_import_file' && e.details) {
        // A short notice; the errors themselves in a panel that stays, can
        // be read at leisure and saved (not a toast over the table).
        toast(`${S.data.refusedShort} ${e.details.length}`, true);
        const rows = e.details.map((d) => [String(d.row), d.column, d.value, d.expected]);
        const save = h('button', { id: 'import-errors-save', onclick: async () => {
          const out = await saveDialog(`${S.data.errorsFile} ${stamp()}.csv`, [{ name: 'CSV', extensions: ['csv'] }]);
          if (!out) return;
          try { toast(`${S.data.errorsSaved} ${await call('save_import_errors', { path: out, rows })}`); } catch (err) { showError(err); }
        } }, S.data.saveErrors);
        errors.append(h('h3', { tabindex: -1, id: 'import-errors-title' }, `${S.data.refusedTitle} ${rows.length}`),
          h('p', { class: 'hint' }, S.data.refused), save, h('table', { class: 'errors' },
            h('tr', {}, h('th', {}, S.data.row), h('th', {}, S.data.column), h('th', {}, S.data.value), h('th', {}, S.data.expected)),
            rows.map((r) => h('tr', {}, h('td', { class: 'num' }, r[0]), h('td', {}, r[1]), h('td', {}, r[2]), h('td', {}, r[3])))));
        errors.querySelector('#import-errors-title').focus();
      } else {
        showError(e);
      }
    }
  };
  // Klimat's own copies of the database (before a restore or an update):
  // how many there are, where the newest is, and how many are kept.
  const copiesBox = h('div', { id: 'copies' });
  const drawCopies = async () => {
    let c;
    try { c = await call('copies', {}); } catch (e) { showError(e); return; }
    const keep = h('input', { id: 'keep-copies', type: 'number', min: 1, max: 50, value: c.keep, size: 4 });
    const save = async () => {
      try { c = await call('set_keep_copies', { keep: Number(keep.value) }); toast(`${S.data.keepSaved} ${c.keep}`); await drawCopies(); } catch (e) { showError(e); }
    };
    keep.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); save(); } });
    clear(copiesBox);
    copiesBox.append(
      h('p', { class: 'hint' }, `${S.data.copiesExplain} ${c.count}.`, c.newest ? ` ${S.data.copiesNewest} ${c.newest}` : ''),
      h('div', { class: 'row' }, h('label', { class: 'inline', for: 'keep-copies' }, S.data.keepCopies), keep,
        h('button', { id: 'keep-copies-save', onclick: save }, S.data.keepSave)));
  };
  const saveAs = async (name, ext, command, args, done) => {
    const path = await saveDialog(name, [{ name: ext.toUpperCase(), extensions: [ext] }]);
    if (!path) return;
    // The backend returns the file it wrote (the extension added if the
    // name was typed without it).
    try { const r = await call(command, { ...args, path }); toast(done ? done(r) : `${S.reports.written} ${r}`); } catch (e) { showError(e); }
  };
  main.append(h('div', { class: 'row' }, h('label', { class: 'inline' }, S.common.survey, surveyPicker(ctx, () => ctx.go('data')))));
  main.append(h('div', { class: 'card' }, h('h3', {}, S.data.import), h('button', { class: 'primary', id: 'import', onclick: importFile }, S.data.import), errors));
  main.append(h('div', { class: 'card' }, h('h3', {}, S.data.export),
    h('div', { class: 'row' }, instrumentPicker(survey, instrument, (v) => { instrument = v; }, 'data-instrument'),
      h('button', { onclick: () => saveAs(`${S.data.formsFile} ${stamp()}.xlsx`, 'xlsx', 'export_forms', { surveyId: survey.id, instrument, format: 'xlsx' }, ([n, p]) => `${S.data.exported} ${n} → ${p}`) }, 'XLSX'),
      h('button', { onclick: () => saveAs(`${S.data.formsFile} ${stamp()}.csv`, 'csv', 'export_forms', { surveyId: survey.id, instrument, format: 'csv' }, ([n, p]) => `${S.data.exported} ${n} → ${p}`) }, 'CSV'),
      h('button', { onclick: () => saveAs(`${S.data.templateFile} ${stamp()}.xlsx`, 'xlsx', 'save_template', { surveyId: survey.id, instrument }) }, S.data.template))));
  main.append(h('div', { class: 'card' }, h('h3', {}, S.data.exchange),
    h('div', { class: 'row' },
      h('button', { onclick: () => saveAs(`${survey.name}.klimat`, 'klimat', 'exchange_export', { surveyId: survey.id }) }, S.data.exchange),
      h('button', { onclick: async () => {
        const path = await openDialog([{ name: 'Klimat', extensions: ['klimat'] }]);
        if (!path || !await confirmDialog(S.data.confirmMerge)) return;
        try {
          const r = await call('merge_file', { path });
          toast(`${S.data.merged} +${r.added}, ~${r.updated}, =${r.unchanged}${r.conflicts.length ? `, ${S.data.conflicts} ${r.conflicts.length}` : ''}`);
        } catch (e) { showError(e); }
      } }, S.data.merge))));
  main.append(h('div', { class: 'card' }, h('h3', {}, S.data.backup),
    h('div', { class: 'row' },
      h('button', { onclick: () => saveAs(`klimat-${stamp()}.db`, 'db', 'backup', {}, (p) => `${S.data.backupDone} ${p}`) }, S.data.backup),
      h('button', { class: 'danger', onclick: async () => {
        const path = await openDialog([{ name: 'Klimat', extensions: ['db'] }]);
        if (!path || !await confirmDialog(S.data.confirmRestore, { yes: S.data.restore, danger: true })) return;
        try { const saved = await call('restore', { path }); toast(`${S.data.restored} ${saved || ''}`); await drawCopies(); } catch (e) { showError(e); }
      } }, S.data.restore)),
    copiesBox));
  await drawCopies();
}
