// Verification by double entry: the operator keys paper forms a second
// time, blind (the first entry is never shown while typing); Klimat
// compares the two by the form's code and lists each differing field side
// by side; the operator settles each against the paper (1 — as first
// keyed, 2 — as keyed now, or the value typed from the paper). The
// figures (forms verified, differences per 1 000 fields and keystrokes,
// forms per hour) are shown here and printed in the report.
import { S } from '../strings.js';
import { h, clear, toast, showError, select } from '../dom.js';
import { call } from '../backend.js';
import { freshState, onKey, drawPad, content, beep, cultureEntry } from './entry.js';

// The comparison waiting to be settled, if any: kept across re-renders so
// that switching screens does not lose it.
let pending = null;
// The pad's state of the second keying (demographics carry over from the
// previous second keying, never from the first entry).
let padState = null;
let cultureDemo = null;

/** The most codes the pick list shows. */
const LIST_LIMIT = 300;

export async function renderVerify(main, ctx, survey, instrument, q) {
  const mine = ctx.token;
  // Puts a code from the pick list into the form being keyed.
  let setCode = () => {};
  const panel = h('div', { class: 'card', id: 'verify-panel' });
  const stats = h('p', { id: 'verify-stats', class: 'stats' });
  const list = h('div', { id: 'verify-list', class: 'verify-list' });
  const share = select([
    { value: 100, label: S.verify.all }, { value: 20, label: '20\u00a0%' },
    { value: 10, label: '10\u00a0%' }, { value: 5, label: '5\u00a0%' },
  ], localStorage.getItem('verifyShare') || 10, { id: 'verify-share' });
  let items = [];
  const refresh = async () => {
    try {
      const [all, picked] = await Promise.all([
        call('verification_stats', { surveyId: survey.id }),
        call('verification_list', { surveyId: survey.id, instrument }),
      ]);
      if (ctx.token !== mine) return;
      const mineStats = all.find((s) => s.instrument === instrument);
      stats.textContent = mineStats ? mineStats.line : '';
      items = picked;
      drawList(list, items, (code) => setCode(code));
    } catch (e) { showError(e); }
  };
  const plan = async () => {
    localStorage.setItem('verifyShare', share.value);
    try {
      items = await call('plan_verification', { surveyId: survey.id, instrument, percent: Number(share.value) });
      toast(`${S.verify.picked} ${items.filter((i) => i.differences === null).length}`);
      await refresh();
      setCode(nextWaiting(items, null));
    } catch (e) { showError(e); }
  };
  panel.append(h('p', { class: 'hint' }, S.verify.intro),
    h('div', { class: 'row' }, h('label', { class: 'inline', for: 'verify-share' }, S.verify.which), share,
      h('button', { id: 'verify-plan', onclick: plan }, S.verify.pick)),
    stats, list);
  main.append(panel);
  await refresh();
  if (ctx.token !== mine) return;

  if (pending && pending.surveyKey === survey.uuid && pending.instrument === instrument) {
    main.append(differencesView(ctx, pending));
    return;
  }
  // A comparison with a form that differs: show it; else the next form.
  const compared = async (c, keying) => {
    try {
      const v = await call('verify_form', { surveyId: survey.id, content: c, keying });
      if (!v.differences.length) {
        toast(`${S.verify.same} «${v.code}»`);
        return 'same';
      }
      pending = { surveyKey: survey.uuid, instrument, verified: v };
      return 'differs';
    } catch (e) { showError(e); return 'error'; }
  };

  if (instrument === 'culture') {
    const code = nextWaiting(items, null) || '';
    cultureEntry(main, ctx, survey, [], q, null, {
      code,
      demo: cultureDemo && cultureDemo.surveyKey === survey.uuid ? cultureDemo : null,
      onSave: async (c, keying) => {
        cultureDemo = { surveyKey: survey.uuid, tenure: c.tenure, subdivision: c.subdivision, position: c.position };
        if (['same', 'differs'].includes(await compared(c, keying))) ctx.go('entry');
      },
    });
    setCode = (code) => { const el = document.getElementById('c-code'); if (el) { el.value = code || ''; } };
    return;
  }

  const pad = h('div', { id: 'entry-pad', tabindex: 0, class: 'card', 'data-autofocus': true });
  main.append(h('p', { class: 'keys' }, instrument === 'commitment' ? S.entry.helpCommitment : S.entry.helpSatisfaction, ' ', S.entry.helpDemo, ' ', S.verify.helpCode), pad);
  const fresh = (prev) => {
    const st = freshState(ctx, instrument, prev, []);
    st.surveyKey = survey.uuid;
    st.code = nextWaiting(items, prev ? prev.code : null) || '';
    st.started = null;
    return st;
  };
  if (!padState || padState.instrument !== instrument || padState.surveyKey !== survey.uuid) padState = fresh(null);
  // Nothing is ever red: in this mode the code must be one already keyed.
  const notTaken = { has: () => false };
  const draw = () => drawPad(pad, padState, notTaken, () => pad.focus(), S.verify.secondKeying);
  setCode = (code) => { padState.code = code || ''; draw(); pad.focus(); };
  const save = async () => {
    const c = content(padState);
    if (!c.code) { padState.warning = S.verify.needCode; beep(); return; }
    const blanks = padState.answers.filter((v) => v === padState.blank).length;
    if (blanks && !padState.warning) {
      padState.warning = `${S.entry.blanksBefore} ${blanks}. ${S.entry.blanksAfter}`;
      return;
    }
    const keying = { keystrokes: padState.keys, seconds: padState.started ? (Date.now() - padState.started) / 1000 : null };
    const result = await compared(c, keying);
    if (result === 'same') {
      await refresh();
      padState = fresh(padState);
    } else if (result === 'differs') {
      // The pad starts the next form once the differences are settled.
      padState = fresh(padState);
      ctx.go('entry');
    } else padState.warning = null;
  };
  pad.addEventListener('keydown', async (e) => {
    if (e.target !== pad) return;
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (!padState.started) padState.started = Date.now();
    if (e.key === 'Enter') {
      e.preventDefault();
      padState.keys += 1;
      await save();
      if (ctx.token === mine && document.body.contains(pad)) draw();
      return;
    }
    const result = onKey(e, padState);
    if (result === 'ignored') return;
    e.preventDefault();
    padState.keys += 1;
    padState.warning = null;
    if (result === 'invalid') {
      padState.flash = true;
      beep();
      setTimeout(() => { padState.flash = false; draw(); }, 350);
    }
    draw();
  });
  draw();
  pad.focus();
}

/** The first code still waiting, after `after` when given. */
function nextWaiting(items, after) {
  const waiting = items.filter((i) => i.differences === null);
  if (!waiting.length) return null;
  const later = after === null ? waiting[0] : waiting.find((i) => i.code > after);
  return (later || waiting[0]).code;
}

function drawList(list, items, onPick) {
  clear(list);
  if (!items.length) { list.append(h('p', { class: 'hint' }, S.verify.noPick)); return; }
  list.append(h('p', {}, S.verify.listTitle));
  for (const i of items.slice(0, LIST_LIMIT)) {
    const status = i.differences === null ? 'waiting' : i.differences === 0 ? 'same' : i.settled ? 'settled' : 'open';
    const label = { waiting: S.verify.waiting, same: S.verify.matched, settled: S.verify.settledShort, open: S.verify.open }[status];
    list.append(h('button', { class: `chip ${status}`, title: label, onclick: () => onPick(i.code) }, `${i.code} — ${label}`));
  }
  if (items.length > LIST_LIMIT) list.append(h('span', { class: 'muted' }, ` ${S.verify.andMore} ${items.length - LIST_LIMIT}`));
}

/** The differing fields side by side, each settled against the paper. */
function differencesView(ctx, p) {
  const v = p.verified;
  const card = h('div', { class: 'card', id: 'verify-diff' });
  const rows = [];
  const shown = (x) => (x === '' ? S.verify.noAnswer : x);
  const table = h('table', { id: 'verify-diff-table' },
    h('tr', {}, h('th', {}, S.verify.field), h('th', {}, S.verify.first), h('th', {}, S.verify.second), h('th', {}, S.verify.paper)));
  v.differences.forEach((d, n) => {
    const name = `diff-${n}`;
    const first = h('input', { type: 'radio', name, value: 'first', id: `${name}-first` });
    const second = h('input', { type: 'radio', name, value: 'second', id: `${name}-second` });
    const typed = h('input', { type: 'radio', name, value: 'typed', id: `${name}-typed`, 'aria-label': S.verify.paper });
    const text = h('input', { id: `${name}-text`, size: 24, 'aria-label': `${d.label}: ${S.verify.paper}`,
      oninput: () => { typed.checked = true; } });
    const row = h('tr', { class: 'diff-row', 'data-column': d.column },
      h('td', {}, d.label),
      h('td', {}, h('label', { for: `${name}-first` }, first, ' ', h('strong', {}, shown(d.first_shown)), h('span', { class: 'muted' }, ` (${S.verify.key} 1)`))),
      h('td', {}, h('label', { for: `${name}-second` }, second, ' ', h('strong', {}, shown(d.second_shown)), h('span', { class: 'muted' }, ` (${S.verify.key} 2)`))),
      h('td', {}, typed, text));
    // 1 or 2 on a row picks that entry and goes to the next row.
    row.addEventListener('keydown', (e) => {
      if (e.target === text) return;
      if (e.key === '1' || e.key === '2') {
        e.preventDefault();
        (e.key === '1' ? first : second).checked = true;
        const next = rows[n + 1];
        (next ? next.first : settle).focus();
      }
    });
    rows.push({ d, first, second, typed, text });
    table.append(row);
  });
  const warning = h('p', { class: 'warning', id: 'verify-warning', role: 'alert', hidden: true });
  const settle = h('button', { class: 'primary', id: 'verify-settle', onclick: async () => {
    const values = [];
    for (const r of rows) {
      if (r.first.checked) values.push({ column: r.d.column, value: r.d.first });
      else if (r.second.checked) values.push({ column: r.d.column, value: r.d.second });
      else if (r.typed.checked) values.push({ column: r.d.column, value: r.text.value.trim() });
      else {
        warning.hidden = false;
        warning.textContent = `${S.verify.chooseEach} «${r.d.label}»`;
        r.first.focus();
        return;
      }
    }
    try {
      await call('settle_verification', { uuid: v.uuid, values });
      toast(`${S.verify.settled} «${v.code}»`);
      pending = null;
      ctx.go('entry');
    } catch (e) { warning.hidden = false; warning.textContent = e && e.message ? e.message : String(e); }
  } }, S.verify.settle);
  card.append(h('h2', {}, `${S.verify.diffTitle} «${v.code}»: ${v.differences.length}`),
    h('p', { class: 'hint' }, S.verify.diffHint), table, warning,
    h('div', { class: 'row' }, settle));
  setTimeout(() => rows[0] && rows[0].first.focus(), 0);
  return card;
}
