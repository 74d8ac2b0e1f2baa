//! The application state: the database, opened once.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

use klimat_store::Db;

use crate::error::{ApiError, ApiResult};

/// What every command gets.
pub struct AppState {
    db: Mutex<Db>,
    /// The database file.
    pub db_path: PathBuf,
    /// True in portable mode.
    pub portable: bool,
    kiosk: AtomicBool,
    /// When the process started, for the cold-start figure.
    pub started: std::time::Instant,
}

impl AppState {
    /// Opens the database at `path`.
    pub fn open(path: PathBuf, portable: bool) -> Result<Self, klimat_store::StoreError> {
        Ok(Self {
            db: Mutex::new(Db::open(&path)?),
            db_path: path,
            portable,
            kiosk: AtomicBool::new(false),
            started: std::time::Instant::now(),
        })
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

    /// Turns kiosk mode on or off.
    pub fn set_kiosk(&self, on: bool) {
        self.kiosk.store(on, Ordering::SeqCst);
    }

    /// The database, for one command.
    pub fn db(&self) -> ApiResult<MutexGuard<'_, Db>> {
        self.db
            .lock()
            .map_err(|_| ApiError::new("internal", crate::text::INTERNAL))
    }
}
