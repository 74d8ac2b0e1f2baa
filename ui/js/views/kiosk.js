// Kiosk: self-filling on a shared PC. Full screen, one employee at a time,
// the methodology's greeting, one large question at a time (answered by a
// touch, a click or a digit key), the demographic questions of the paper
// form, a thank-you screen, an unfinished form discarded after idle time;
// leaving needs the PIN. While it is on, the backend refuses every other
// command, and closing the window asks for the PIN as well.
import { S } from '../strings.js';
import { h, clear, toast, showError, select, onKioskError } from '../dom.js';
import { call } from '../backend.js';
import { surveyPicker, needSurvey } from './common.js';

export async function render(main, ctx) {
  if (!needSurvey(main, ctx, S.kiosk.title)) return;
  const survey = ctx.survey();
  const status = await call('kiosk_status');
  const pin = h('input', { id: 'kiosk-pin', type: 'password', inputmode: 'numeric', size: 10 });
  const hint = h('p', { class: 'hint', id: 'kiosk-pin-hint', hidden: status.pin_set }, S.kiosk.needPin);
  const savePin = async () => {
    try {
      await call('set_kiosk_pin', { pin: pin.value });
      toast(S.kiosk.pinSaved); pin.value = ''; hint.hidden = true;
    } catch (e) { showError(e); }
  };
  pin.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); savePin(); } });
  const inst = select(survey.instruments.map((i) => ({ value: i, label: S.instruments[i] })), survey.instruments[0], { id: 'kiosk-instrument' });
  const idle = h('input', { id: 'kiosk-idle', type: 'number', min: 1, max: 60, value: localStorage.getItem('kioskIdle') || 3, size: 4 });
  main.append(h('div', { class: 'row' }, h('label', { class: 'inline' }, S.common.survey, surveyPicker(ctx, () => ctx.go('kiosk')))),
    h('div', { class: 'card' },
      h('label', { for: 'kiosk-pin' }, S.kiosk.pin), h('div', { class: 'row' }, pin, h('button', { id: 'kiosk-set-pin', onclick: savePin }, S.kiosk.setPin)),
      hint,
      h('label', { for: 'kiosk-instrument' }, S.common.instrument), inst,
      h('label', { for: 'kiosk-idle' }, S.kiosk.idleMinutes), idle,
      h('div', { class: 'row' }, h('button', { class: 'primary', id: 'kiosk-start', onclick: async () => {
        localStorage.setItem('kioskIdle', idle.value);
        try {
          await call('enter_kiosk', { surveyId: survey.id, instrument: inst.value });
          start(ctx, await call('kiosk_status'));
        } catch (e) { showError(e.code === 'kiosk_no_pin' ? { message: S.kiosk.needPin } : e); }
      } }, S.kiosk.start))));
}

/** Back into kiosk mode after a reload or a restart while it is on. */
export function resume(ctx, status) { start(ctx, status); }

let idleTimer = null;
let exitRequested = null;

/** The window's close button or Alt+F4 in kiosk mode: ask for the PIN. */
export function closeRequested() { if (exitRequested) exitRequested(); }

/**
 * The steps of a questionnaire, one screen each. A step is one of
 * - `choice`: one answer of several (`options` [label, value]), stored at
 *   `set(form, value)`;
 * - `pair`: two ratings 1–5 (Tables А.2, А.3: subdivision and organization);
 * - `open`: the two free-text sides of a question of Table А.1;
 * - `words`: the underlined words of item 7 of Table А.4;
 * - `text`: a free text («другое», «иное»).
 */
function steps(q, status) {
  const out = [];
  const ratings = [1, 2, 3, 4, 5].map((v) => [String(v), v]);
  if (q.culture) {
    const c = q.culture;
    c.open.forEach((o, i) => out.push({ kind: 'open', intro: i === 0 ? c.blocks[0] : null, text: `${i + 1}. ${o.text}`, prompts: [o.positive, o.negative], get: (f) => f.answers.open[i], set: (f, side, v) => { f.answers.open[i][side] = v; } }));
    c.cohesion.forEach((t, i) => out.push({ kind: 'pair', intro: i === 0 ? [...c.blocks[1], c.cohesion_title] : null, text: `${i + 1}. ${t}`, columns: [c.column_sub, c.column_org], get: (f) => f.answers.cohesion[i], set: (f, side, v) => { f.answers.cohesion[i][side] = v; } }));
    out.push({ kind: 'text', text: c.cohesion[c.cohesion.length - 1], get: (f) => f.answers.cohesion_other, set: (f, v) => { f.answers.cohesion_other = v; } });
    c.level.forEach((t, i) => out.push({ kind: 'pair', intro: i === 0 ? c.blocks[2] : null, text: `${i + 1}. ${t}`, columns: [c.column_sub, c.column_org], get: (f) => f.answers.level[i], set: (f, side, v) => { f.answers.level[i][side] = v; } }));
    c.negative.forEach((t, i) => {
      out.push({ kind: 'choice', intro: i === 0 ? c.blocks[3] : null, text: `${i + 1}. ${t}`, options: ratings, get: (f) => f.answers.negative[i], set: (f, v) => { f.answers.negative[i] = v; } });
      if (i === 6) {
        out.push({ kind: 'words', text: `${i + 1}. ${t}`, lists: [['n7_actors', c.actors], ['n7_tech', c.tech]] });
      }
    });
    out.push({ kind: 'text', text: c.negative[c.negative.length - 1], get: (f) => f.answers.negative_other, set: (f, v) => { f.answers.negative_other = v; } });
  } else {
    q.questions.forEach((question, i) => out.push({ kind: 'choice', text: `${i + 1}. ${question.text}`, options: question.options, get: (f) => f.answers[i], set: (f, v) => { f.answers[i] = v; } }));
  }
  // The demographic questions of the paper form; "не указано" is «Пропустить».
  out.push({ kind: 'choice', text: q.tenure_question, options: q.tenure.filter(([, id]) => id !== ''), get: (f) => f.tenure, set: (f, v) => { f.tenure = v; } });
  if (status.subdivisions.length) out.push({ kind: 'choice', text: S.kiosk.subdivision, options: status.subdivisions.map((x) => [x, x]), get: (f) => f.subdivision, set: (f, v) => { f.subdivision = v; } });
  if (status.positions.length) out.push({ kind: 'choice', text: S.kiosk.position, options: status.positions.map((x) => [x, x]), get: (f) => f.position, set: (f, v) => { f.position = v; } });
  return out;
}

function emptyForm(q, instrument) {
  const answers = q.culture
    ? {
      open: q.culture.open.map(() => ['', '']), cohesion: q.culture.cohesion.map(() => [0, 0]), cohesion_other: '',
      level: q.culture.level.map(() => [0, 0]), negative: q.culture.negative.map(() => 0), n7_actors: [], n7_tech: [], negative_other: '',
    }
    : q.questions.map(() => q.blank);
  // The backend draws the code: nothing here may tell who filled the form.
  return { instrument, code: '', tenure: '', subdivision: null, position: null, answers };
}

async function start(ctx, status) {
  document.getElementById('shell').hidden = true;
  clear(document.getElementById('toast'));
  const box = document.getElementById('kiosk');
  box.hidden = false;
  const instrument = status.instrument;
  const idleMs = (Number(localStorage.getItem('kioskIdle')) || 3) * 60000;
  const q = await call('questionnaire', { instrument });
  const list = steps(q, status);
  let form = null;
  let step = 0;
  let onDigit = null;
  // The thanks page returns to the greeting by itself, unless someone has
  // opened the exit prompt meanwhile (it would wipe the PIN being typed).
  let thanksTimer = null;

  const resetIdle = () => {
    clearTimeout(idleTimer);
    if (form) idleTimer = setTimeout(() => { form = null; greeting(S.kiosk.idle); }, idleMs);
  };
  box.onclick = resetIdle;
  box.onkeydown = (e) => {
    resetIdle();
    // A digit answers the question on screen, as a touch would.
    if (onDigit && !e.altKey && !e.ctrlKey && !e.metaKey && /^[0-9]$/.test(e.key)
        && !(e.target instanceof HTMLTextAreaElement) && !(e.target instanceof HTMLInputElement)) {
      e.preventDefault();
      onDigit(Number(e.key));
    }
  };

  const note = h('p', { class: 'kiosk-note', role: 'alert', id: 'kiosk-note' });
  // Errors are shown here, in the page, never as a toast over it.
  onKioskError((message) => { note.textContent = message; });
  const frame = (...children) => {
    clear(box);
    onDigit = null;
    note.textContent = '';
    box.append(h('button', { class: 'exit', id: 'kiosk-exit', onclick: exit }, S.kiosk.exit), ...children, note);
  };
  const greeting = (message) => {
    form = null;
    frame(h('h1', {}, q.title), ...q.greeting.map((p) => h('p', {}, p)),
      h('button', { class: 'primary', id: 'kiosk-begin', onclick: () => {
        form = emptyForm(q, instrument);
        step = 0; resetIdle(); question();
      } }, S.kiosk.begin));
    if (message) note.textContent = message;
  };
  const next = () => { if (step < list.length - 1) { step += 1; question(); } else question(); };
  const question = () => {
    const st = list[step];
    const isLast = step === list.length - 1;
    const intro = st.intro ? st.intro.map((p) => h('p', { class: 'intro' }, p)) : [];
    let body;
    let digit = null;
    if (st.kind === 'choice') {
      const current = st.get(form);
      body = h('div', { class: 'answers' }, st.options.map(([label, value], i) => h('button', {
        class: value === current ? 'on' : '',
        onclick: () => { st.set(form, value); next(); },
      }, h('span', { class: 'digit' }, String(i + 1)), ' ', label)));
      digit = (d) => { const o = st.options[d - 1]; if (o) { st.set(form, o[1]); next(); } };
    } else if (st.kind === 'pair') {
      const current = st.get(form);
      body = h('div', { class: 'pair' }, st.columns.map((title, side) => h('div', {},
        h('div', { class: 'column' }, title),
        h('div', { class: 'ratings' }, [1, 2, 3, 4, 5].map((v) => h('button', {
          class: current[side] === v ? 'on' : '',
          onclick: () => { st.set(form, side, v); if (side === 1 || current[1]) next(); else question(); },
        }, String(v)))))));
      // Two digits: the subdivision, then the organization.
      digit = (d) => {
        if (d < 1 || d > 5) return;
        if (!current[0] || current[1]) { st.set(form, 0, d); st.set(form, 1, 0); question(); } else { st.set(form, 1, d); next(); }
      };
    } else if (st.kind === 'open') {
      body = h('div', { class: 'open' }, st.prompts.map((prompt, side) => h('label', {}, prompt,
        h('textarea', { rows: 3, oninput: (e) => { st.set(form, side, e.target.value); resetIdle(); } }, st.get(form)[side]))));
    } else if (st.kind === 'words') {
      body = h('div', { class: 'words' }, st.lists.map(([key, words]) => h('div', { class: 'row' }, words.map((w) => h('label', { class: 'inline' },
        h('input', { type: 'checkbox', checked: form.answers[key].includes(w), onchange: (e) => {
          const chosen = form.answers[key].filter((x) => x !== w);
          if (e.target.checked) chosen.push(w);
          form.answers[key] = chosen;
        } }), w)))));
    } else {
      body = h('textarea', { rows: 3, class: 'wide', oninput: (e) => { st.set(form, e.target.value); resetIdle(); } }, st.get(form));
    }
    frame(h('div', { class: 'progress' }, `${S.kiosk.question} ${step + 1} ${S.kiosk.of} ${list.length}`),
      ...intro, h('div', { class: 'question' }, st.text), body,
      h('div', { class: 'bar' },
        h('button', { disabled: step === 0, onclick: () => { step -= 1; question(); } }, S.kiosk.back),
        isLast
          ? h('button', { class: 'primary', id: 'kiosk-finish', onclick: finish }, S.kiosk.finish)
          : h('button', { id: 'kiosk-next', onclick: next }, st.kind === 'choice' || st.kind === 'pair' ? S.kiosk.blank : S.kiosk.next)));
    onDigit = digit;
    const firstField = box.querySelector('textarea');
    if (firstField) firstField.focus(); else box.focus();
  };
  const finish = async () => {
    try {
      await call('kiosk_save', { content: form });
      form = null; clearTimeout(idleTimer);
      frame(h('h1', {}, S.kiosk.thanks), h('p', {}, S.kiosk.thanksHint));
      thanksTimer = setTimeout(() => { if (!form) greeting(); }, 5000);
    } catch (e) { showError(e); }
  };
  const exit = () => {
    clearTimeout(thanksTimer);
    const pin = h('input', { id: 'kiosk-exit-pin', type: 'password', inputmode: 'numeric', size: 10 });
    const leave = async () => {
      try {
        await call('leave_kiosk', { pin: pin.value });
        clearTimeout(idleTimer);
        exitRequested = null;
        onKioskError(null);
        box.hidden = true; clear(box);
        document.getElementById('shell').hidden = false;
        ctx.go('kiosk');
      } catch (e) { pin.value = ''; pin.focus(); showError(e); }
    };
    frame(h('h1', {}, S.kiosk.askPin), h('div', { class: 'row' }, pin,
      h('button', { class: 'primary', id: 'kiosk-exit-ok', onclick: leave }, S.common.yes),
      h('button', { id: 'kiosk-exit-cancel', onclick: () => (form ? question() : greeting()) }, S.common.cancel)));
    // Enter submits the PIN, Esc goes back.
    pin.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') { e.preventDefault(); leave(); }
      if (e.key === 'Escape') { e.preventDefault(); if (form) question(); else greeting(); }
    });
    pin.focus();
  };
  exitRequested = exit;
  box.tabIndex = -1;
  greeting();
}
