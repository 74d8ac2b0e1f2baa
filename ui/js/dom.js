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

export function toast(message, error = false) {
  const box = document.getElementById('toast');
  const m = h('div', { class: error ? 'msg error' : 'msg' }, message);
  box.append(m);
  // At most three messages at a time: fast keyboard entry saves many forms.
  while (box.children.length > 3) box.firstChild.remove();
  setTimeout(() => m.remove(), error ? 9000 : 4000);
}

export function showError(e) { toast(e && e.message ? e.message : String(e), true); }

/** A select of options [{value, label}]. */
export function select(options, value, attrs = {}) {
  return h('select', attrs, options.map((o) => h('option', { value: o.value, selected: String(o.value) === String(value) }, o.label)));
}
