// Kiosk: self-filling on a shared PC. Full screen, one employee at a time,
// the methodology's greeting, large answers, a thank-you screen, an
// unfinished form discarded after idle time; leaving needs the PIN. While
// it is on, the backend refuses every other command.
import { S } from '../strings.js';
import { h, clear, toast, showError, select } from '../dom.js';
import { call } from '../backend.js';
import { surveyPicker, needSurvey } from './common.js';

export async function render(main, ctx) {
  if (!needSurvey(main, ctx, S.kiosk.title)) return;
  const survey = ctx.survey();
  const status = await call('kiosk_status');
  const pin = h('input', { id: 'kiosk-pin', type: 'password', inputmode: 'numeric', size: 10 });
  const instruments = survey.instruments.filter((i) => i !== 'culture');
  const inst = select(instruments.map((i) => ({ value: i, label: S.instruments[i] })), instruments[0], { id: 'kiosk-instrument' });
  const idle = h('input', { id: 'kiosk-idle', type: 'number', min: 1, max: 60, value: localStorage.getItem('kioskIdle') || 3, size: 4 });
  main.append(h('div', { class: 'row' }, h('label', { class: 'inline' }, S.common.survey, surveyPicker(ctx, () => ctx.go('kiosk')))),
    h('div', { class: 'card' },
      h('label', { for: 'kiosk-pin' }, S.kiosk.pin), h('div', { class: 'row' }, pin, h('button', { id: 'kiosk-set-pin', onclick: async () => {
        try { await call('set_kiosk_pin', { pin: pin.value }); toast(S.kiosk.pinSaved); pin.value = ''; } catch (e) { showError(e); }
      } }, S.kiosk.setPin)),
      h('label', { for: 'kiosk-instrument' }, S.common.instrument), inst,
      h('label', { for: 'kiosk-idle' }, S.kiosk.idleMinutes), idle,
      h('div', { class: 'row' }, h('button', { class: 'primary', id: 'kiosk-start', disabled: !instruments.length, onclick: async () => {
        localStorage.setItem('kioskIdle', idle.value);
        try {
          await call('enter_kiosk', { surveyId: survey.id, instrument: inst.value });
          start(ctx, { survey_id: survey.id, instrument: inst.value });
        } catch (e) { showError(e.code === 'kiosk_no_pin' ? { message: S.kiosk.needPin } : e); }
      } }, S.kiosk.start)),
      status.pin_set ? null : h('p', { class: 'hint' }, S.kiosk.needPin)));
}

/** Back into kiosk mode after a reload or a restart while it is on. */
export function resume(ctx, status) { start(ctx, status); }

let idleTimer = null;

let exitRequested = null;

/** The window's close button or Alt+F4 in kiosk mode: ask for the PIN. */
export function closeRequested() { if (exitRequested) exitRequested(); }

async function start(ctx, status) {
  document.getElementById('shell').hidden = true;
  const box = document.getElementById('kiosk');
  box.hidden = false;
  const instrument = status.instrument;
  const idleMs = (Number(localStorage.getItem('kioskIdle')) || 3) * 60000;
  const q = await call('questionnaire', { instrument });
  let form = null;
  let step = 0;

  const resetIdle = () => {
    clearTimeout(idleTimer);
    if (form) idleTimer = setTimeout(() => { form = null; greeting(); toast(S.kiosk.idle); }, idleMs);
  };
  box.onclick = resetIdle;
  box.onkeydown = resetIdle;

  const frame = (...children) => {
    clear(box);
    box.append(h('button', { class: 'exit', id: 'kiosk-exit', onclick: exit }, S.kiosk.exit), ...children);
  };
  const greeting = () => {
    form = null;
    frame(h('h1', {}, q.title), ...q.greeting.map((p) => h('p', {}, p)),
      h('button', { class: 'primary', id: 'kiosk-begin', onclick: () => {
        form = { answers: q.questions.map(() => q.blank), tenure: '' };
        step = 0; resetIdle(); question();
      } }, S.kiosk.begin));
  };
  const total = q.questions.length + 1;
  const question = () => {
    const isTenure = step === q.questions.length;
    const text = isTenure ? q.tenure_question : q.questions[step].text;
    // "не указано" is the «Пропустить» button, not an option.
    const options = isTenure ? q.tenure.filter(([, id]) => id !== '') : q.questions[step].options;
    const current = isTenure ? form.tenure : form.answers[step];
    frame(h('div', { class: 'progress' }, `${S.kiosk.question} ${step + 1} ${S.kiosk.of} ${total}`),
      h('div', { class: 'question' }, `${step + 1}. ${text}`),
      h('div', { class: 'answers' }, options.map(([label, value]) => h('button', {
        class: value === current ? 'on' : '',
        onclick: () => {
          if (isTenure) form.tenure = value; else form.answers[step] = value;
          if (step < total - 1) { step += 1; question(); } else question();
        },
      }, label))),
      h('div', { class: 'bar' },
        h('button', { disabled: step === 0, onclick: () => { step -= 1; question(); } }, S.kiosk.back),
        step < total - 1
          ? h('button', { onclick: () => { step += 1; question(); } }, S.kiosk.blank)
          : h('button', { class: 'primary', id: 'kiosk-finish', onclick: finish }, S.kiosk.finish)));
  };
  const finish = async () => {
    // The backend draws the form's code: nothing here may tell who filled it.
    const content = { instrument, code: '', tenure: form.tenure, subdivision: null, position: null, answers: form.answers };
    try {
      await call('kiosk_save', { content });
      form = null; clearTimeout(idleTimer);
      frame(h('h1', {}, S.kiosk.thanks), h('p', {}, S.kiosk.thanksHint));
      setTimeout(greeting, 5000);
    } catch (e) { showError(e); }
  };
  const exit = () => {
    const pin = h('input', { id: 'kiosk-exit-pin', type: 'password', inputmode: 'numeric', size: 10 });
    frame(h('h1', {}, S.kiosk.askPin), h('div', { class: 'row' }, pin,
      h('button', { class: 'primary', id: 'kiosk-exit-ok', onclick: async () => {
        try {
          await call('leave_kiosk', { pin: pin.value });
          clearTimeout(idleTimer);
          exitRequested = null;
          box.hidden = true; clear(box);
          document.getElementById('shell').hidden = false;
          ctx.go('kiosk');
        } catch (e) { showError(e); }
      } }, S.common.yes),
      h('button', { onclick: () => (form ? question() : greeting()) }, S.common.cancel)));
    pin.focus();
  };
  exitRequested = exit;
  greeting();
}
