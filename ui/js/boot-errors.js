// Shows a script error on screen (the window has no console for users): a
// blank window would tell the user nothing. Every error, and every
// console.error, is also kept in window.__KLIMAT_ERRORS__, which the
// end-to-end tests read.
window.__KLIMAT_ERRORS__ = [];
const consoleError = console.error.bind(console);
console.error = (...args) => { window.__KLIMAT_ERRORS__.push(args.map(String).join(' ')); consoleError(...args); };
window.addEventListener('error', (e) => {
  window.__KLIMAT_ERRORS__.push(`${e.message} (${e.filename}:${e.lineno})`);
  const box = document.getElementById('toast');
  if (!box) return;
  const m = document.createElement('div');
  m.className = 'msg error';
  m.textContent = `Ошибка интерфейса: ${e.message} (${e.filename}:${e.lineno})`;
  box.append(m);
});
window.addEventListener('unhandledrejection', (e) => {
  window.__KLIMAT_ERRORS__.push(String(e.reason && e.reason.message ? e.reason.message : e.reason));
  const box = document.getElementById('toast');
  if (!box) return;
  const m = document.createElement('div');
  m.className = 'msg error';
  m.textContent = `Ошибка интерфейса: ${e.reason && e.reason.message ? e.reason.message : String(e.reason)}`;
  box.append(m);
});
