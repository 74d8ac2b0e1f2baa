// «Заполнение по сети»: employees fill the questionnaires in the browser of
// their own PCs. The specialist prints slips with one-time access codes
// (handed out at random, like blank forms), starts the network form, gives
// out the address, and watches the count of forms come in.
import { S } from '../strings.js';
import { h, toast, showError } from '../dom.js';
import { call, saveDialog, revealInFolder } from '../backend.js';
import { surveyPicker, needSurvey, stamp } from './common.js';

export async function render(main, ctx) {
  if (!needSurvey(main, ctx, S.network.title)) return;
  const mine = ctx.token;
  const survey = ctx.survey();
  let status = await call('network_status', { surveyId: survey.id });
  if (ctx.token !== mine) return;

  const count = h('input', { id: 'codes-count', type: 'number', min: 1, max: 10000, value: 50, size: 6 });
  const address = h('input', { id: 'codes-address', value: status.slip_address, size: 32 });
  const codesLine = h('p', { id: 'codes-line' });
  const slips = h('button', { id: 'save-slips', onclick: async () => {
    const path = await saveDialog(`${S.network.slipsFile} ${survey.name} ${stamp()}.pdf`, [{ name: 'PDF', extensions: ['pdf'] }]);
    if (!path) return;
    try {
      const written = await call('save_code_slips', { surveyId: survey.id, count: Number(count.value), address: address.value, path });
      toast(`${S.network.slipsSaved} ${written}`);
      revealInFolder(written);
      await refresh();
    } catch (e) { showError(e); }
  } }, S.network.saveSlips);

  const listen = h('input', { id: 'network-listen', value: status.default_listen, size: 20 });
  const state = h('div', { id: 'network-state', role: 'status' });
  const start = h('button', { class: 'primary', id: 'network-start', onclick: async () => {
    try { status = await call('network_start', { surveyId: survey.id, listen: listen.value }); draw(); } catch (e) { showError(e); }
  } }, S.network.start);
  const stop = h('button', { id: 'network-stop', onclick: async () => {
    try { status = await call('network_stop', { surveyId: survey.id }); draw(); } catch (e) { showError(e); }
  } }, S.network.stop);

  const draw = () => {
    codesLine.textContent = `${S.network.codesMade} ${status.codes_made}; ${S.network.codesSpent} ${status.codes_spent}.`;
    state.replaceChildren();
    const other = status.running && status.survey_id !== survey.id;
    if (status.running && !other) {
      state.append(h('p', { class: 'ok' }, S.network.running),
        h('ul', { id: 'network-addresses' }, status.addresses.map((a) => h('li', {}, h('strong', {}, a)))),
        h('p', { id: 'network-count' }, `${S.network.submitted} ${status.submitted}`));
    } else if (other) {
      state.append(h('p', {}, S.network.otherSurvey));
    } else {
      state.append(h('p', { class: 'muted' }, S.network.stopped));
    }
    start.disabled = status.running && !other;
    stop.disabled = !status.running;
  };
  const refresh = async () => {
    try { status = await call('network_status', { surveyId: survey.id }); } catch (e) { showError(e); return; }
    draw();
  };
  // The count goes on by itself while this screen is shown.
  const timer = setInterval(() => {
    if (ctx.token !== mine || !document.body.contains(state)) { clearInterval(timer); return; }
    if (status.running) refresh();
  }, 2000);

  main.append(h('div', { class: 'row' }, h('label', { class: 'inline' }, S.common.survey, surveyPicker(ctx, () => ctx.go('network')))),
    h('p', { class: 'hint' }, S.network.intro),
    // The form's state first: while it runs, the addresses and the count
    // are what the specialist looks at.
    h('div', { class: 'card' }, h('h2', {}, S.network.serveTitle), state,
      h('div', { class: 'row' }, h('label', { class: 'inline', for: 'network-listen' }, S.network.listen), listen, start, stop),
      h('p', { class: 'hint' }, S.network.serveHint)),
    h('div', { class: 'card' }, h('h2', {}, S.network.codesTitle), h('p', { class: 'hint' }, S.network.codesHint),
      h('div', { class: 'row' }, h('label', { class: 'inline', for: 'codes-count' }, S.network.count), count,
        h('label', { class: 'inline', for: 'codes-address' }, S.network.address), address, slips), codesLine));
  draw();
}
