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

// A file name the user's system accepts: «Опрос 2026/2027» must not become
// the folder «Опрос 2026» and the file «2027 …». Characters Windows refuses
// in a name become «-», and the name is kept short.
export function fileName(name) {
  const clean = String(name).replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/\s+/g, ' ').trim();
  return clean.slice(0, 150) || 'Klimat';
}

// The folder the save dialog opens in: the user's Documents, not the
// program's working folder (issue 27, item 13).
async function documents() {
  try { return await tauri().path.documentDir(); } catch { return null; }
}

export async function saveDialog(defaultName, filters) {
  // End-to-end tests cannot drive the native dialog: they name the file here.
  if (window.__KLIMAT_E2E_SAVE__) return window.__KLIMAT_E2E_SAVE__;
  const name = fileName(defaultName);
  const dir = await documents();
  const defaultPath = dir ? await tauri().path.join(dir, name) : name;
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
