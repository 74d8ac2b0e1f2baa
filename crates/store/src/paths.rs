//! Where the database and settings live: beside the executable in portable
//! mode (a file named `portable` there, for USB sticks), otherwise in the
//! platform's per-user data directory.

use std::path::{Path, PathBuf};

/// The file name of the database.
pub const DB_FILE: &str = "klimat.db";
/// The marker file of portable mode.
pub const PORTABLE_MARKER: &str = "portable";

/// True when `exe_dir` holds the portable marker.
pub fn is_portable(exe_dir: &Path) -> bool {
    exe_dir.join(PORTABLE_MARKER).is_file()
}

/// The data directory for an executable in `exe_dir`, given the
/// environment lookup `env` (so tests need not change the real one).
pub fn data_dir(exe_dir: &Path, env: impl Fn(&str) -> Option<String>) -> PathBuf {
    if is_portable(exe_dir) {
        return exe_dir.join("klimat-data");
    }
    let home = || {
        env("HOME")
            .map(PathBuf::from)
            .unwrap_or_else(|| exe_dir.to_owned())
    };
    if cfg!(windows) {
        env("APPDATA")
            .map_or_else(home, PathBuf::from)
            .join("Klimat")
    } else if cfg!(target_os = "macos") {
        home().join("Library/Application Support/Klimat")
    } else {
        env("XDG_DATA_HOME")
            .filter(|d| !d.is_empty())
            .map_or_else(|| home().join(".local/share"), PathBuf::from)
            .join("klimat")
    }
}

/// The database path of the running executable.
pub fn default_db_path() -> PathBuf {
    let exe_dir = std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(Path::to_owned))
        .unwrap_or_else(|| PathBuf::from("."));
    data_dir(&exe_dir, |k| std::env::var(k).ok()).join(DB_FILE)
}
