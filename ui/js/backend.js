// The only module that touches window.__TAURI__: every call to the Rust
// side goes through here. Errors come back as {code, message, details}.
const tauri = () => window.__TAURI__;

export async function call(command, args = {}) {
  try {
    return await tauri().core.invoke(command, args);
  } catch (e) {
    if (e && typeof e === 'object' && 'code' in e) throw e;
    throw { code: 'internal', message: String(e) };
  }
}

export async function saveDialog(defaultPath, filters) {
  // End-to-end tests cannot drive the native dialog: they name the file here.
  if (window.__KLIMAT_E2E_SAVE__) return window.__KLIMAT_E2E_SAVE__;
  return tauri().dialog.save({ defaultPath, filters });
}

export async function openDialog(filters) {
  const picked = await tauri().dialog.open({ multiple: false, directory: false, filters });
  return picked ?? null;
}

export async function revealInFolder(path) {
  try { await tauri().opener.revealItemInDir(path); } catch { /* not fatal */ }
}

/** Calls `handler` whenever the backend emits the event `name`. */
export function onEvent(name, handler) {
  try { tauri().event.listen(name, handler); } catch { /* no event bridge: nothing to listen to */ }
}
