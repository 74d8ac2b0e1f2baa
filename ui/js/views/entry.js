// Operator entry of paper forms, keyboard only: one keystroke per answer
// with auto-advance, Backspace steps back, Enter saves and opens the next
// form with the next code. Demographics stay as on the previous form until
// changed (↑ or Home goes to them; a digit picks an option).
import { S } from '../strings.js';
import { h, clear, toast, showError, select, confirmDialog } from '../dom.js';
import { call } from '../backend.js';
import { surveyPicker, instrumentPicker, needSurvey } from './common.js';
import { renderVerify } from './verify.js';

const LETTERS = ['а', 'б', 'в'];
// The list of entered forms is drawn a page at a time (the backend's
// forms_page, at most 100 rows).
// а/б/в typed in either keyboard layout, or as 1/2/3.
const SAT_KEYS = { 'а': 0, 'А': 0, 'f': 0, 'F': 0, 'a': 0, 'A': 0, '1': 0,
  'б': 1, 'Б': 1, ',': 1, 'b': 1, 'B': 1, '2': 1,
  'в': 2, 'В': 2, 'd': 2, 'D': 2, 'c': 2, 'C': 2, '3': 2 };

let state = null;
export let keystrokes = 0;

/** «entry» (first keying) or «verify» (second keying, blind). */
function entryMode() { return sessionStorage.getItem('entryMode') === 'verify' ? 'verify' : 'entry'; }

/** The numeric tail of a code: «Анкета 017» → ['Анкета ', 17, 3]. */
function splitCode(code) {
  const m = /^(.*?)(\d+)$/.exec(code || '');
  return m ? [m[1], Number(m[2]), m[2].length] : null;
}

/**
 * The code after `code` that no stored form has: the highest number with
 * the same prefix plus one, so that a suggestion never repeats a code.
 */
function nextCode(code, codes) {
  const parts = splitCode(code);
  if (!parts) return code ? `${code} 2` : S.entry.firstCode;
  const [prefix, , width] = parts;
  let high = parts[1];
  for (const c of codes) {
    const p = splitCode(c);
    if (p && p[0] === prefix && p[1] > high) high = p[1];
  }
  return prefix + String(high + 1).padStart(width, '0');
}

// The questionnaires as the backend describes them (items, tenure options,
// the value of "no answer"): the page keeps no list of its own.
const questionnaires = {};
export async function questionnaire(instrument) {
  if (!questionnaires[instrument]) questionnaires[instrument] = await call('questionnaire', { instrument });
  return questionnaires[instrument];
}

export function freshState(ctx, instrument, prev, codes) {
  const survey = ctx.survey();
  const q = questionnaires[instrument];
  // The first tenure option is "не указано", which the pad offers as 0.
  const tenure = q.tenure.slice(1);
  const demo = [
    { key: 'tenure', title: S.entry.tenure, options: tenure.map(([label]) => label), ids: tenure.map(([, id]) => id) },
    survey.subdivisions.length ? { key: 'subdivision', title: S.entry.subdivision, options: survey.subdivisions } : null,
    survey.positions.length ? { key: 'position', title: S.entry.position, options: survey.positions } : null,
  ].filter(Boolean);
  return {
    instrument, demo, blank: q.blank,
    values: prev ? prev.values : Object.fromEntries(demo.map((d) => [d.key, -1])),
    answers: Array(q.questions.length).fill(q.blank),
    cursor: demo.length,
    code: prev ? nextCode(prev.code, codes) : S.entry.firstCode,
    uuid: null,
    keys: 0, // keystrokes of this form
    flash: false, // the current cell flashes after a key that means nothing
    warning: null, // a question the next Enter answers (blank items)
  };
}

export function content(st) {
  const d = Object.fromEntries(st.demo.map((x) => [x.key, x]));
  const pick = (key) => {
    const i = st.values[key];
    if (!d[key] || i < 0) return null;
    return key === 'tenure' ? d.tenure.ids[i] : d[key].options[i];
  };
  return {
    instrument: st.instrument, code: st.code.trim(), tenure: pick('tenure') || '',
    subdivision: pick('subdivision'), position: pick('position'), answers: st.answers,
  };
}

// How many stored forms have each code, counted once per list of codes (the
// pad asks on every keystroke; a survey may hold 10⁴ codes).
let counted = new Map();
let countedFor = null;

/** The codes stored for this questionnaire, but the form being edited. */
function takenCodes(codes, st) {
  if (countedFor !== codes) {
    counted = new Map();
    for (const c of codes) if (c) counted.set(c, (counted.get(c) || 0) + 1);
    countedFor = codes;
  }
  // The form being edited keeps its own code, unless another form has it too.
  return { has: (c) => (counted.get(c) || 0) > (st.uuid && c === st.originalCode ? 1 : 0) };
}

let audio = null;
/** A short beep for a key that means nothing here. */
export function beep() {
  try {
    audio = audio || new AudioContext();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = 880;
    gain.gain.value = 0.08;
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.12);
  } catch { /* no sound device: the flash alone */ }
}

export async function render(main, ctx) {
  // A newer screen was asked for while this one waited: it must not touch
  // the pad's state, which the newer one owns.
  const mine = ctx.token;
  if (!needSurvey(main, ctx, S.entry.title)) return;
  const survey = ctx.survey();
  let instrument = localStorage.getItem('entryInstrument');
  if (!survey.instruments.includes(instrument)) instrument = survey.instruments[0];
  main.append(h('div', { class: 'row' },
    h('label', { class: 'inline' }, S.common.survey, surveyPicker(ctx, () => ctx.go('entry'))),
    h('label', { class: 'inline' }, S.common.instrument, instrumentPicker(survey, instrument, (v) => { localStorage.setItem('entryInstrument', v); ctx.go('entry'); })),
    h('label', { class: 'inline' }, S.verify.mode, select([
      { value: 'entry', label: S.verify.modeEntry }, { value: 'verify', label: S.verify.modeVerify },
    ], entryMode(), { id: 'entry-mode', onchange: (e) => { sessionStorage.setItem('entryMode', e.target.value); ctx.go('entry'); } }))));
  if (entryMode() === 'verify') {
    const q = await questionnaire(instrument);
    if (ctx.token !== mine) return;
    return renderVerify(main, ctx, survey, instrument, q);
  }
  // The codes only: the list below fetches one page of forms at a time, so
  // that the screen opens as fast with 10⁴ forms as with ten.
  let codes = await call('form_codes', { surveyId: survey.id, instrument });
  const q = await questionnaire(instrument);
  if (ctx.token !== mine) return;
  if (instrument === 'culture') { return cultureEntry(main, ctx, survey, codes, q); }
  // An edit of a stored form does not survive leaving the screen: coming
  // back starts a new form, and the stored one is as it was.
  if (state && state.uuid) state = null;
  if (!state || state.instrument !== instrument || state.surveyKey !== survey.uuid) {
    // The next code follows the last numbered one (kiosk codes are random).
    const last = [...codes].reverse().find((c) => splitCode(c));
    state = freshState(ctx, instrument, null, codes);
    state.surveyKey = survey.uuid;
    if (last) state.code = nextCode(last, codes);
  }
  const pad = h('div', { id: 'entry-pad', tabindex: 0, class: 'card', 'data-autofocus': true });
  const list = h('div', { id: 'entry-list' });
  main.append(h('p', { class: 'keys' }, instrument === 'commitment' ? S.entry.helpCommitment : S.entry.helpSatisfaction, ' ', S.entry.helpDemo), pad, list);
  const draw = () => drawPad(pad, state, takenCodes(codes, state), () => { pad.focus(); });
  const drawList = () => drawForms(list, survey, instrument, ctx, (f) => {
    state = loadForm(ctx, instrument, f); state.surveyKey = survey.uuid; draw(); pad.focus();
  });
  const save = async () => {
    const c = content(state);
    if (c.code && takenCodes(codes, state).has(c.code)) {
      state.warning = `${S.entry.duplicateCode} «${c.code}»`;
      beep();
      return;
    }
    const blanks = state.answers.filter((v) => v === state.blank).length;
    if (blanks && !state.warning) {
      state.warning = `${S.entry.blanksBefore} ${blanks}. ${S.entry.blanksAfter}`;
      return;
    }
    try {
      let saved;
      if (state.uuid) saved = await call('update_form', { uuid: state.uuid, content: c });
      else saved = await call('save_form', { surveyId: survey.id, content: c });
      toast(`${S.entry.saved} ${saved.content.code}`);
      codes = await call('form_codes', { surveyId: survey.id, instrument });
      const prev = state;
      state = freshState(ctx, instrument, prev, codes);
      state.surveyKey = survey.uuid;
      drawList();
    } catch (err) { state.warning = null; showError(err); }
  };
  pad.addEventListener('keydown', async (e) => {
    if (e.target !== pad) return;
    // A modifier combination (Alt+1 … Alt+7 switch screens) never writes an
    // answer.
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    // Esc leaves an edit of a stored form unchanged and starts a new form.
    if (e.key === 'Escape' && state.uuid) {
      e.preventDefault();
      const last = [...codes].reverse().find((c) => splitCode(c));
      state = freshState(ctx, instrument, null, codes);
      state.surveyKey = survey.uuid;
      if (last) state.code = nextCode(last, codes);
      toast(S.entry.editCancelled);
      draw();
      return;
    }
    if (e.key === 'Enter') {
      e.preventDefault();
      keystrokes += 1; state.keys += 1;
      await save();
      draw();
      return;
    }
    const result = onKey(e, state);
    if (result === 'ignored') return;
    e.preventDefault();
    keystrokes += 1; state.keys += 1;
    state.warning = null;
    if (result === 'invalid') {
      state.flash = true;
      beep();
      setTimeout(() => { state.flash = false; draw(); }, 350);
    }
    draw();
  });
  draw();
  drawList();
  pad.focus();
}

function loadForm(ctx, instrument, f) {
  const st = freshState(ctx, instrument, null, []);
  const c = f.content;
  st.code = c.code; st.originalCode = c.code; st.uuid = f.uuid; st.answers = [...c.answers];
  for (const d of st.demo) {
    const value = c[d.key] ?? '';
    st.values[d.key] = d.key === 'tenure' ? d.ids.indexOf(value) : d.options.indexOf(value);
  }
  st.cursor = st.demo.length;
  return st;
}

/**
 * One key on the pad (not Enter): 'handled', 'invalid' (a key that means
 * nothing where the cursor is: the cell flashes and beeps, the cursor stays)
 * or 'ignored' (a key the pad leaves to the page, such as Tab at the end).
 */
export function onKey(e, st) {
  const nDemo = st.demo.length;
  const last = nDemo + st.answers.length - 1;
  if (e.key === 'Home') { st.cursor = 0; return 'handled'; }
  if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') { st.cursor = Math.max(0, st.cursor - 1); return 'handled'; }
  if (e.key === 'ArrowDown' || e.key === 'ArrowRight' || e.key === 'Tab') {
    if (e.key === 'Tab' && st.cursor >= last) return 'ignored';
    st.cursor = Math.min(last, st.cursor + 1); return 'handled';
  }
  if (e.key === 'Backspace') {
    // On the last cell, filled, Backspace clears that cell; elsewhere it
    // steps back and clears the cell before.
    const item = st.cursor - nDemo;
    if (st.cursor === last && st.answers[item] !== st.blank) { st.answers[item] = st.blank; return 'handled'; }
    st.cursor = Math.max(0, st.cursor - 1);
    if (st.cursor >= nDemo) st.answers[st.cursor - nDemo] = st.blank;
    return 'handled';
  }
  if (e.key.length !== 1) return 'ignored';
  if (st.cursor < nDemo) {
    const d = st.demo[st.cursor];
    if (/^[0-9]$/.test(e.key)) {
      const i = Number(e.key) - 1;
      if (i === -1 || i < d.options.length) { st.values[d.key] = i; st.cursor += 1; return 'handled'; }
    }
    return 'invalid';
  }
  const item = st.cursor - nDemo;
  let value = null;
  if (e.key === ' ' || e.key === '0') value = st.blank;
  else if (st.instrument === 'commitment' && /^[1-5]$/.test(e.key)) value = Number(e.key);
  else if (st.instrument === 'satisfaction' && e.key in SAT_KEYS) value = LETTERS[SAT_KEYS[e.key]];
  if (value === null) return 'invalid';
  st.answers[item] = value;
  st.cursor = Math.min(last, st.cursor + 1);
  return 'handled';
}

export function drawPad(pad, st, taken, backToPad, title = null) {
  clear(pad);
  const codeInput = h('input', {
    id: 'entry-code', value: st.code, size: 18, class: taken.has(st.code.trim()) ? 'bad' : '',
    oninput: (e) => { st.code = e.target.value; e.target.classList.toggle('bad', taken.has(st.code.trim())); },
    // Enter in the code field goes back to the first answer.
    onkeydown: (e) => { if (e.key === 'Enter') { e.preventDefault(); st.code = e.target.value; st.cursor = st.demo.length; backToPad(); } },
  });
  pad.append(h('div', { class: 'row' }, h('strong', {}, title || (st.uuid ? S.entry.editing : S.entry.newForm)), ' ',
    h('label', { class: 'inline', for: 'entry-code' }, S.entry.code), codeInput,
    h('span', { class: 'muted', id: 'keystrokes' }, `${S.entry.keystrokes} ${st.keys}`)));
  if (st.warning) pad.append(h('p', { class: 'warning', id: 'entry-warning', role: 'alert' }, st.warning));
  st.demo.forEach((d, i) => {
    pad.append(h('div', { class: `demo ${st.cursor === i ? 'current' : ''} ${st.cursor === i && st.flash ? 'flash' : ''}` },
      h('span', { class: 'title' }, d.title),
      h('span', { class: `opt ${st.values[d.key] === -1 ? 'on' : ''}` }, `0 ${S.common.none}`),
      d.options.map((o, k) => h('span', { class: `opt ${st.values[d.key] === k ? 'on' : ''}` }, `${k + 1} ${o}`))));
  });
  pad.append(h('div', { class: 'entry-grid' }, st.answers.map((v, i) => {
    const current = st.cursor === st.demo.length + i;
    return h('div', { class: `cell ${current ? 'current' : ''} ${current && st.flash ? 'flash' : ''}`, id: `cell-${i + 1}` },
      h('div', { class: 'n' }, String(i + 1)), h('div', { class: 'v' }, v === st.blank ? '·' : String(v)));
  })));
  // The page follows the cursor (a small window shows answer 11 and on
  // only when scrolled).
  // A margin below it keeps it clear of the notices at the window's foot.
  const current = pad.querySelector('.current');
  const main = document.getElementById('main');
  if (current && main) {
    const r = current.getBoundingClientRect();
    const room = window.innerHeight - 150;
    if (r.bottom > room) main.scrollTop += r.bottom - room;
    else if (r.top < 0) main.scrollTop += r.top - 20;
  }
}

/** What a culture form holds, in a line of the list: its ratings as the
 *  pad shows answers (· for a blank), and how many texts it has. */
function cultureSummary(a) {
  if (!a || !a.cohesion) return '';
  const v = (x) => (x ? String(x) : '·');
  const ratings = [...a.cohesion.flat(), ...a.level.flat(), ...a.negative].map(v).join('');
  const texts = [...a.open.flat(), a.cohesion_other, a.negative_other].filter((t) => t && t.trim()).length;
  return `${ratings} (${S.entry.texts} ${texts})`;
}

function drawForms(list, survey, instrument, ctx, onEdit) {
  clear(list);
  const filter = h('input', { id: 'entry-filter', placeholder: S.entry.code, oninput: () => { clearTimeout(timer); timer = setTimeout(fill, 150); } });
  const title = h('h2', {}, S.entry.list);
  const table = h('table', { id: 'forms-table' });
  const note = h('p', { class: 'hint', id: 'forms-note' });
  list.append(title, filter, table, note);
  let timer = null;
  let asked = 0;
  // One page from the database: the newest forms whose code contains the
  // filter; the search runs over every stored code.
  const fill = async () => {
    const mine = ++asked;
    let page;
    try {
      page = await call('forms_page', { surveyId: survey.id, instrument, query: filter.value });
    } catch (e) { showError(e); return; }
    if (mine !== asked) return; // a newer filter is on its way
    title.textContent = `${S.entry.list} (${page.total})`;
    clear(table);
    note.textContent = '';
    table.append(h('tr', {}, h('th', {}, S.entry.code), h('th', {}, S.entry.tenure), h('th', {}, S.entry.subdivision), h('th', {}, S.entry.position), h('th', {}, S.entry.answers), h('th', {}, '')));
    for (const f of page.forms) {
      const c = f.content;
      const answers = Array.isArray(c.answers) ? c.answers.map((v) => (v === 0 || v === '' ? '·' : v)).join('') : cultureSummary(c.answers);
      table.append(h('tr', {}, h('td', {}, c.code), h('td', {}, f.tenure_label), h('td', {}, c.subdivision || S.common.none),
        h('td', {}, c.position || S.common.none), h('td', { class: 'answers' }, answers),
        h('td', {}, h('button', { onclick: () => onEdit(f) }, S.common.edit), ' ',
          h('button', { class: 'danger', onclick: async () => {
            if (!await confirmDialog(S.entry.confirmDelete, { yes: S.common.delete, danger: true })) return;
            try { await call('delete_form', { uuid: f.uuid }); ctx.go('entry'); } catch (e) { showError(e); }
          } }, S.common.delete))));
    }
    if (page.matching > page.forms.length) note.textContent = `${S.entry.shownLast} ${page.forms.length} ${S.entry.shownOf} ${page.matching}. ${S.entry.findByCode}`;
    else if (filter.value.trim() && !page.matching) note.textContent = S.entry.noMatch;
  };
  fill();
}

// The culture form: texts in plain fields; each rating is one digit typed
// into its box, and the cursor moves on to the next box by itself.
// The demographics of the last culture form saved: the next form starts
// with them, as on the pad (forms of one subdivision come in a pile).
let cultureDemo = null;

export function cultureEntry(main, ctx, survey, codes, q, editing = null, second = null) {
  const f = h('div', { class: 'card', id: 'culture-form' });
  const c0 = editing ? editing.content : null;
  const a0 = c0 ? c0.answers : null;
  // A second keying (verification) starts blank but for the code and the
  // demographics of the previous second keying: the first entry is never
  // shown.
  const demo0 = second ? second.demo : c0 || (cultureDemo && cultureDemo.surveyKey === survey.uuid ? cultureDemo : null);
  // The next code follows the last numbered one, as on the pad (the
  // backend lists the operator's own forms last).
  const lastNumbered = [...codes].reverse().find((c) => splitCode(c));
  const suggested = second ? second.code : nextCode(lastNumbered || '', codes);
  const code = h('input', { id: 'c-code', value: c0 ? c0.code : suggested, size: 18 });
  // A code another form has is refused at once, as on the pad.
  const taken = new Set(codes.filter((c) => !(c0 && c === c0.code)));
  const codeNote = h('span', { class: 'warning', id: 'c-code-note', role: 'alert' });
  const checkCode = () => {
    const dup = !second && taken.has(code.value.trim());
    code.classList.toggle('bad', dup);
    codeNote.textContent = dup ? `${S.entry.duplicateCode} «${code.value.trim()}»` : '';
    return !dup;
  };
  code.addEventListener('input', checkCode);
  const sheet = q.culture;
  const pick = (id, options, value) => select(options, value ?? '', { id });
  const tenureOptions = q.tenure.map(([label, value]) => ({ value, label }));
  // An imported form may carry a range («свыше 15 лет»): it stays choosable.
  if (editing && !tenureOptions.some((o) => o.value === c0.tenure)) tenureOptions.push({ value: c0.tenure, label: editing.tenure_label });
  const tenure = pick('c-tenure', tenureOptions, demo0 ? demo0.tenure : '');
  const none = { value: '', label: S.common.none };
  const sub = pick('c-sub', [none, ...survey.subdivisions.map((x) => ({ value: x, label: x }))], demo0 ? demo0.subdivision : '');
  const pos = pick('c-pos', [none, ...survey.positions.map((x) => ({ value: x, label: x }))], demo0 ? demo0.position : '');
  const open = [];
  sheet.open.forEach((question, i) => {
    open.push([question.positive, question.negative].map((prompt) => h('textarea', { rows: 2, cols: 40, placeholder: prompt, 'aria-label': prompt }, a0 ? a0.open[i][prompt === question.positive ? 0 : 1] : '')));
  });
  const boxes = [];
  // The order a digit moves on in: every rating box, and between them the
  // fields the paper form has there («другое» after item 15 of Table А.2,
  // the words of item 7 before its rating, «Иное» after item 8), so that
  // auto-advance skips no field.
  const order = [];
  const advance = (el) => { const next = order[order.indexOf(el) + 1]; if (next) next.focus(); };
  const rating = (label, value) => {
    const el = h('input', { size: 1, maxlength: 1, class: 'rating', 'aria-label': label, value: value ? String(value) : '' });
    el.addEventListener('keydown', (e) => {
      if (/^[0-5 ]$/.test(e.key)) {
        e.preventDefault();
        el.value = e.key === ' ' || e.key === '0' ? '' : e.key;
        advance(el);
      } else if (e.key === 'Backspace' && !el.value) {
        const prev = boxes[boxes.indexOf(el) - 1];
        if (prev) { e.preventDefault(); prev.value = ''; prev.focus(); }
      } else if (e.key.length === 1 && !e.ctrlKey && !e.altKey && !e.metaKey) {
        // A key that means nothing here flashes the box, as on the pad.
        e.preventDefault();
        el.classList.add('flash');
        beep();
        setTimeout(() => el.classList.remove('flash'), 350);
      }
    });
    boxes.push(el);
    return el;
  };
  const cohesion = Array.from({ length: sheet.cohesion.length }, (_, i) => [rating(`c${i + 1}_sub`, a0 && a0.cohesion[i][0]), rating(`c${i + 1}_org`, a0 && a0.cohesion[i][1])]);
  const level = Array.from({ length: sheet.level.length }, (_, i) => [rating(`l${i + 1}_sub`, a0 && a0.level[i][0]), rating(`l${i + 1}_org`, a0 && a0.level[i][1])]);
  const negative = Array.from({ length: sheet.negative.length }, (_, i) => rating(`n${i + 1}`, a0 && a0.negative[i]));
  const other = h('input', { size: 40, id: 'c-other', 'aria-label': S.entry.other, value: a0 ? a0.cohesion_other : '' });
  const otherNeg = h('input', { size: 40, id: 'c-other-neg', 'aria-label': S.entry.otherNeg, value: a0 ? a0.negative_other : '' });
  // Item 7's underlined words: digits 1–3 toggle the actors, 4–6 the
  // technologies, while the box has the focus; Tab goes on.
  let digitNo = 0;
  const words = (list, chosen) => list.map((w) => {
    digitNo += 1;
    return h('label', { class: 'inline' }, h('input', { type: 'checkbox', value: w, checked: (chosen || []).includes(w), tabindex: -1 }), `${digitNo} ${w}`);
  });
  const actors = words(sheet.actors, a0 && a0.n7_actors);
  const tech = words(sheet.tech, a0 && a0.n7_tech);
  const item7 = h('div', { class: 'row words-box', tabindex: 0, id: 'c-n7', 'aria-label': sheet.negative[6] }, actors, ' / ', tech);
  item7.addEventListener('keydown', (e) => {
    const all = [...actors, ...tech];
    if (/^[1-6]$/.test(e.key) && all[Number(e.key) - 1]) {
      e.preventDefault();
      const box = all[Number(e.key) - 1].querySelector('input');
      box.checked = !box.checked;
    }
  });
  order.push(...cohesion.flat(), other, ...level.flat(), ...negative.slice(0, 6), item7, ...negative.slice(6), otherNeg);
  const checked = (labels) => labels.map((l) => l.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
  const save = async () => {
    const r = (el) => Number(el.value) || 0;
    if (!checkCode()) { code.focus(); beep(); return; }
    // A form with no answer at all is asked about: it would be stored but
    // counted nowhere.
    const empty = boxes.every((b) => !b.value) && open.flat().every((t) => !t.value.trim())
      && !other.value.trim() && !otherNeg.value.trim() && !checked(actors).length && !checked(tech).length;
    if (empty && !await confirmDialog(S.entry.emptyCulture, { yes: S.entry.saveEmpty, no: S.entry.keepKeying })) return;
    const c = {
      instrument: 'culture', code: code.value.trim(), tenure: tenure.value, subdivision: sub.value || null, position: pos.value || null,
      answers: {
        open: open.map((p) => [p[0].value, p[1].value]), cohesion: cohesion.map((p) => [r(p[0]), r(p[1])]),
        cohesion_other: other.value, level: level.map((p) => [r(p[0]), r(p[1])]), negative: negative.map(r),
        n7_actors: checked(actors), n7_tech: checked(tech), negative_other: otherNeg.value,
      },
    };
    if (second) {
      await second.onSave(c, { keystrokes: keys, seconds: started ? (Date.now() - started) / 1000 : null });
      return;
    }
    try {
      if (editing) await call('update_form', { uuid: editing.uuid, content: c });
      else await call('save_form', { surveyId: survey.id, content: c });
      toast(`${S.entry.saved} ${c.code}`);
      if (!editing) cultureDemo = { surveyKey: survey.uuid, tenure: c.tenure, subdivision: c.subdivision, position: c.position };
      ctx.go('entry');
    } catch (e) { showError(e); }
  };
  // Keystrokes and time of this form, for the verification figures.
  let keys = 0;
  let started = null;
  f.addEventListener('keydown', (e) => {
    // Enter saves, as on the pad (in a text box of Table А.1, Ctrl+Enter:
    // Enter there starts a new line).
    if (e.key === 'Enter' && !e.altKey && (e.ctrlKey || (e.target.tagName !== 'TEXTAREA' && e.target.tagName !== 'BUTTON'))) {
      e.preventDefault();
      keys += 1;
      save();
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey || e.key === 'Shift') return;
    keys += 1;
    if (!started) started = Date.now();
  });
  f.append(h('p', { class: 'keys' }, S.entry.helpCulture), h('strong', {}, second ? S.verify.secondKeying : editing ? S.entry.editing : S.entry.newForm),
    h('div', { class: 'row' }, h('label', { class: 'inline', for: 'c-code' }, S.entry.code), code, codeNote,
      h('label', { class: 'inline' }, S.entry.tenure, tenure), h('label', { class: 'inline' }, S.entry.subdivision, sub),
      h('label', { class: 'inline' }, S.entry.position, pos)),
    h('h3', {}, S.entry.tableA1), ...open.map((p, i) => h('div', { class: 'row' }, `${i + 1}. ${sheet.open[i].text}`, p[0], p[1])),
    // Every rating beside its item's text, as on the paper form.
    h('h3', {}, S.entry.tableA2),
    h('table', { class: 'ratings-table' }, h('tr', {}, h('th', {}, '№'), h('th', {}, sheet.cohesion_title), h('th', {}, sheet.column_sub), h('th', {}, sheet.column_org)),
      cohesion.map((p, i) => h('tr', {}, h('td', { class: 'num' }, String(i + 1)), h('td', {}, sheet.cohesion[i]), h('td', {}, p[0]), h('td', {}, p[1])))),
    h('div', {}, `${S.entry.other} `, other),
    h('h3', {}, S.entry.tableA3),
    h('table', { class: 'ratings-table' }, h('tr', {}, h('th', {}, '№'), h('th', {}, ''), h('th', {}, sheet.column_sub), h('th', {}, sheet.column_org)),
      level.map((p, i) => h('tr', {}, h('td', { class: 'num' }, String(i + 1)), h('td', {}, sheet.level[i]), h('td', {}, p[0]), h('td', {}, p[1])))),
    h('h3', {}, S.entry.tableA4),
    h('table', { class: 'ratings-table' }, negative.map((n, i) => h('tr', {}, h('td', { class: 'num' }, String(i + 1)), h('td', {}, sheet.negative[i], i === 6 ? item7 : null), h('td', {}, n)))),
    h('div', {}, `${S.entry.otherNeg} `, otherNeg),
    h('div', { class: 'row' }, h('button', { class: 'primary', id: 'c-save', onclick: save }, second ? S.verify.compare : S.common.save),
      editing ? h('button', { onclick: () => ctx.go('entry') }, S.common.cancel) : null));
  main.append(f);
  if (second) {
    const first = open[0][0];
    first.setAttribute('data-autofocus', '');
    first.focus();
    return;
  }
  const list = h('div', {});
  main.append(list);
  drawForms(list, survey, 'culture', ctx, (form) => {
    while (main.lastChild && main.lastChild !== f) main.lastChild.remove();
    f.remove();
    cultureEntry(main, ctx, survey, codes, q, form);
  });
  // A new form starts at the first open answer; the code is suggested.
  const first = editing ? code : open[0][0];
  first.setAttribute('data-autofocus', '');
  first.focus();
}
