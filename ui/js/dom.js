import { S } from './strings.js';

// A tiny DOM builder: h('div', {class: 'x', onclick: f}, ...children).
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'value') el.value = v;
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }

/** True while kiosk mode shows its own page: toasts are not for employees. */
function inKiosk() {
  const k = document.getElementById('kiosk');
  return k && !k.hidden;
}

export function toast(message, error = false) {
  // Messages are for the operator, never for the employee at the kiosk.
  if (inKiosk()) return;
  const box = document.getElementById('toast');
  // A click (or the ×) closes a message at once; otherwise it goes by itself.
  const m = h('div', { class: error ? 'msg error' : 'msg', title: S.common.close, onclick: () => m.remove() },
    h('span', { class: 'close', 'aria-hidden': 'true' }, '×'), message);
  box.append(m);
  // At most three messages at a time: fast keyboard entry saves many forms.
  while (box.children.length > 3) box.firstChild.remove();
  setTimeout(() => m.remove(), error ? 9000 : 4000);
}

/**
 * An error for the user. In kiosk mode it is shown inside the kiosk page
 * (by the kiosk itself, through `onKioskError`), never as a toast over it.
 */
export function showError(e) {
  const message = e && e.message ? e.message : String(e);
  if (inKiosk() && kioskErrorHandler) { kioskErrorHandler(message); return; }
  toast(message, true);
}

let kioskErrorHandler = null;
/** The kiosk page's way of showing an error to the employee. */
export function onKioskError(handler) { kioskErrorHandler = handler; }

/**
 * An in-page confirmation (the native dialog is not part of the window's
 * permissions): resolves true on «Да» or Enter, false on «Отмена», Esc or a
 * click beside the box. Focus starts on «Отмена» for destructive questions.
 */
export function confirmDialog(message, { yes = S.common.yes, no = S.common.cancel, danger = false } = {}) {
  return new Promise((resolve) => {
    const previous = document.activeElement;
    const done = (answer) => {
      overlay.remove();
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('focusin', onFocus, true);
      if (previous && previous.focus) previous.focus();
      resolve(answer);
    };
    // Modal for the keyboard too (issue 27, item 4): Tab cycles between
    // the two buttons, Enter and Space press the focused one, Esc cancels,
    // and no other key reaches the screen behind (digits into the entry
    // pad, Alt+N to another screen).
    const onKey = (e) => {
      const stop = () => { e.preventDefault(); e.stopPropagation(); };
      if (e.key === 'Escape') { stop(); done(false); return; }
      if (e.key === 'Tab') {
        stop();
        (document.activeElement === yesButton ? noButton : yesButton).focus();
        return;
      }
      if (e.key === 'Enter' || e.key === ' ') {
        stop();
        if (document.activeElement === yesButton) done(true);
        else if (document.activeElement === noButton) done(false);
        return;
      }
      stop();
    };
    const onFocus = (e) => { if (!overlay.contains(e.target)) (danger ? noButton : yesButton).focus(); };
    const yesButton = h('button', { class: danger ? 'danger' : 'primary', id: 'confirm-yes', onclick: () => done(true) }, yes);
    const noButton = h('button', { id: 'confirm-no', onclick: () => done(false) }, no);
    const overlay = h('div', { class: 'overlay', role: 'dialog', 'aria-modal': 'true', onclick: (e) => { if (e.target === overlay) done(false); } },
      h('div', { class: 'dialog' }, h('p', {}, message), h('div', { class: 'row end' }, yesButton, noButton)));
    document.body.append(overlay);
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('focusin', onFocus, true);
    (danger ? noButton : yesButton).focus();
  });
}

/** A select of options [{value, label}]. */
export function select(options, value, attrs = {}) {
  return h('select', attrs, options.map((o) => h('option', { value: o.value, selected: String(o.value) === String(value) }, o.label)));
}
