//! The application state: the database, opened once at start. If it cannot
//! be opened (another Klimat holds it, the folder is read-only, the file is
//! from a newer Klimat), the window still starts and shows why, and the user
//! can try again once the cause is gone: a double-click that shows nothing
//! would tell an office user nothing.

use std::ops::{Deref, DerefMut};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

use klimat_store::Db;

use crate::error::{ApiError, ApiResult};

/// True when the database says kiosk mode is on: a restart in kiosk mode
/// comes back locked. An unreadable state counts as on.
fn kiosk_on(db: &Db) -> bool {
    klimat_app::kiosk::state(db).map_or(true, |s| s.active)
}

const WINDOW_SIZE: &str = "window_size";

/// What every command gets.
pub struct AppState {
    /// The open database, or why it could not be opened.
    db: Mutex<Result<Db, ApiError>>,
    /// The database file.
    pub db_path: PathBuf,
    /// True in portable mode.
    pub portable: bool,
    kiosk: AtomicBool,
    /// When the process started, for the cold-start figure.
    pub started: std::time::Instant,
    /// The network form while it runs, and its survey.
    pub network: Mutex<Option<(klimat_serve::Server, i64)>>,
}

/// The database, locked for one command.
pub struct DbGuard<'a>(MutexGuard<'a, Result<Db, ApiError>>);

impl Deref for DbGuard<'_> {
    type Target = Db;
    fn deref(&self) -> &Db {
        // `AppState::db` hands out a guard only over an open database.
        self.0.as_ref().unwrap_or_else(|_| unreachable!())
    }
}

impl DerefMut for DbGuard<'_> {
    fn deref_mut(&mut self) -> &mut Db {
        self.0.as_mut().unwrap_or_else(|_| unreachable!())
    }
}

impl AppState {
    /// Opens the database at `path`. Never fails: an error is kept and
    /// returned by every command that needs the database, and by
    /// [`AppState::open_error`] for the start screen.
    pub fn open(path: PathBuf, portable: bool) -> Self {
        let db = Db::open(&path).map_err(ApiError::from);
        Self {
            kiosk: AtomicBool::new(db.as_ref().is_ok_and(kiosk_on)),
            db: Mutex::new(db),
            db_path: path,
            portable,
            started: std::time::Instant::now(),
            network: Mutex::new(None),
        }
    }

    /// Why the database is not open, if it is not.
    pub fn open_error(&self) -> ApiResult<Option<ApiError>> {
        Ok(self.lock()?.as_ref().err().cloned())
    }

    /// Tries again to open the database, if it is not open yet (the other
    /// Klimat was closed, the stick was unlocked). Returns the error that
    /// remains, if any.
    pub fn retry_open(&self) -> ApiResult<Option<ApiError>> {
        let mut slot = self.lock()?;
        if slot.is_err() {
            *slot = Db::open(&self.db_path).map_err(ApiError::from);
            if slot.as_ref().is_ok_and(kiosk_on) {
                self.set_kiosk(true);
            }
        }
        Ok(slot.as_ref().err().cloned())
    }

    /// Refuses every command but the kiosk's own while kiosk mode is on.
    pub fn unlocked(&self) -> ApiResult<()> {
        if self.in_kiosk() {
            Err(ApiError::new("kiosk_locked", crate::text::KIOSK_LOCKED))
        } else {
            Ok(())
        }
    }

    /// True in kiosk mode.
    pub fn in_kiosk(&self) -> bool {
        self.kiosk.load(Ordering::SeqCst)
    }

    /// Turns kiosk mode on or off for the commands of this process (the
    /// database keeps the state across restarts, see `klimat_app::kiosk`).
    pub fn set_kiosk(&self, on: bool) {
        self.kiosk.store(on, Ordering::SeqCst);
    }

    /// The window's size when it was last closed, if it fits the limits the
    /// window accepts (at least 1024×600, at most 8K).
    pub fn window_size(&self) -> Option<(f64, f64)> {
        let value = self.db().ok()?.setting(WINDOW_SIZE).ok()??;
        let (w, h) = value.split_once('x')?;
        let (w, h) = (w.parse::<f64>().ok()?, h.parse::<f64>().ok()?);
        ((1024.0..=7680.0).contains(&w) && (600.0..=4320.0).contains(&h)).then_some((w, h))
    }

    /// Keeps the window's size for the next start (nothing is lost if the
    /// database cannot take it).
    pub fn remember_window_size(&self, width: f64, height: f64) {
        if let Ok(db) = self.db() {
            let _ = db.set_setting(
                WINDOW_SIZE,
                &format!("{}x{}", width.round(), height.round()),
            );
        }
    }

    /// Closes everything on the way out: the network form stopped, the
    /// database sealed and closed, its write-ahead log removed
    /// (`Db::close`). Commands after this get «база данных закрыта».
    pub fn close(&self) {
        if let Ok(mut network) = self.network.lock()
            && let Some((server, _)) = network.take()
        {
            server.stop();
        }
        if let Ok(mut slot) = self.lock() {
            let closed = Err(ApiError::new("closed", crate::text::DB_CLOSED));
            if let Ok(db) = std::mem::replace(&mut *slot, closed) {
                let _ = db.close();
            }
        }
    }

    /// The database, for one command; the opening error if it is not open.
    pub fn db(&self) -> ApiResult<DbGuard<'_>> {
        let guard = self.lock()?;
        match &*guard {
            Ok(_) => Ok(DbGuard(guard)),
            Err(e) => Err(e.clone()),
        }
    }

    fn lock(&self) -> ApiResult<MutexGuard<'_, Result<Db, ApiError>>> {
        self.db
            .lock()
            .map_err(|_| ApiError::new("internal", crate::text::INTERNAL))
    }
}
