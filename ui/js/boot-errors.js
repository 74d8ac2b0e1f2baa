// Shows a script error on screen (the window has no console for users): a
// blank window would tell the user nothing.
window.addEventListener('error', (e) => {
  const box = document.getElementById('toast');
  if (!box) return;
  const m = document.createElement('div');
  m.className = 'msg error';
  m.textContent = `Ошибка интерфейса: ${e.message} (${e.filename}:${e.lineno})`;
  box.append(m);
});
window.addEventListener('unhandledrejection', (e) => {
  const box = document.getElementById('toast');
  if (!box) return;
  const m = document.createElement('div');
  m.className = 'msg error';
  m.textContent = `Ошибка интерфейса: ${e.reason && e.reason.message ? e.reason.message : String(e.reason)}`;
  box.append(m);
});
