//! Opening the database: pragmas, numbered migrations (each in one
//! transaction, a copy of the file written beside it first), refusal of
//! files from a newer Klimat, backup and restore.

use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use crate::error::{Result, StoreError};
use crate::text;

/// The numbered migrations, embedded in the binary. Migration `i` (1-based)
/// brings the schema to version `i`; `PRAGMA user_version` records it.
const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_initial",
        include_str!("../migrations/0001_initial.sql"),
    ),
    (
        "0002_settings",
        include_str!("../migrations/0002_settings.sql"),
    ),
    (
        "0003_day_times",
        include_str!("../migrations/0003_day_times.sql"),
    ),
    (
        "0004_report_settings",
        include_str!("../migrations/0004_report_settings.sql"),
    ),
    (
        "0005_verification",
        include_str!("../migrations/0005_verification.sql"),
    ),
    (
        "0006_network",
        include_str!("../migrations/0006_network.sql"),
    ),
    (
        "0007_lean_forms",
        include_str!("../migrations/0007_lean_forms.sql"),
    ),
    (
        "0008_survey_ids",
        include_str!("../migrations/0008_survey_ids.sql"),
    ),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// An I/O error met while opening the database's folder or lock file: a
/// write-protected stick or folder is [`StoreError::ReadOnly`] and a full
/// disk [`StoreError::DiskFull`], with their clear messages, rather than the
/// operating system's words.
fn storage_error(e: std::io::Error) -> StoreError {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => StoreError::ReadOnly,
        ErrorKind::StorageFull => StoreError::DiskFull,
        _ if crate::error::too_many_files(&e) => StoreError::TooManyFiles,
        _ => StoreError::Io(e),
    }
}

/// The absolute path a backup may be written to: a file name in a folder
/// that exists. An empty name, SQLite's special names (`:memory:`,
/// `file:` URIs) and folders are refused, so that a backup never "succeeds"
/// without writing a file.
fn backup_target(target: &Path) -> Result<PathBuf> {
    let name = target.to_string_lossy();
    if name.trim().is_empty()
        || name.starts_with(':')
        || name.to_ascii_lowercase().starts_with("file:")
    {
        return Err(StoreError::BadTarget(text::BAD_BACKUP_TARGET.into()));
    }
    let path = std::path::absolute(target)?;
    if path.is_dir() {
        return Err(StoreError::BadTarget(format!(
            "{} «{}».",
            text::BACKUP_IS_FOLDER,
            path.display()
        )));
    }
    match path.parent() {
        Some(dir) if dir.is_dir() => Ok(path),
        dir => Err(StoreError::BadTarget(format!(
            "{} «{}».",
            text::BACKUP_NO_FOLDER,
            dir.unwrap_or(&path).display()
        ))),
    }
}

/// `<base>.bak`, or `<base>-2.bak`, `<base>-3.bak` … when taken: two
/// restores within one second must not refuse each other.
fn free_path(base: &str) -> PathBuf {
    let mut path = PathBuf::from(format!("{base}.bak"));
    let mut n = 2;
    while path.exists() {
        path = PathBuf::from(format!("{base}-{n}.bak"));
        n += 1;
    }
    path
}

/// The setting that says the file may hold the order in which self-filled
/// forms arrived or access codes were made and spent (see [`Db::seal`]).
use crate::keys::UNSEALED;

/// Marks the file as needing [`Db::seal`] before it is left: called in the
/// transaction that stores a kiosk or network form or makes access codes.
pub(crate) fn mark_unsealed(conn: &Connection) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO settings (key, value) VALUES (?1, '1')
         ON CONFLICT (key) DO UPDATE SET value = '1'",
    )?
    .execute([UNSEALED])?;
    Ok(())
}

/// The schema objects of a database: (type, name, table, SQL), sorted.
fn schema_of(conn: &Connection) -> rusqlite::Result<Vec<[Option<String>; 4]>> {
    let mut stmt =
        conn.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")?;
    let rows = stmt.query_map([], |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?]))?;
    rows.collect()
}

/// Where times come from; tests pass a fixed clock.
pub type Clock = fn() -> DateTime<Utc>;

/// An open Klimat database.
pub struct Db {
    pub(crate) conn: Connection,
    path: Option<PathBuf>,
    clock: Clock,
    /// An exclusive lock on `<file>.lock`, held while the database is open,
    /// so that a second Klimat on the same file is refused instead of
    /// writing beside the first.
    _lock: Vec<std::fs::File>,
}

impl Drop for Db {
    /// A database left without [`Db::close`] is sealed all the same.
    fn drop(&mut self) {
        let _ = self.seal();
    }
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db").field("path", &self.path).finish()
    }
}

impl Db {
    /// Opens (creating if needed) the database at `path` and brings its
    /// schema up to date. Before migrating an existing file, a consistent
    /// copy of it is written beside it (`<file>.v<N>-<time>.bak`).
    ///
    /// # Errors
    /// [`StoreError::NewerSchema`] for a file written by a newer Klimat (it
    /// is not touched), [`StoreError::NotKlimatDatabase`] for another
    /// SQLite file, or the database's own error.
    pub fn open(path: &Path) -> Result<Db> {
        Self::open_to(path, SCHEMA_VERSION)
    }

    /// [`Db::open`], migrating only up to `version` (tests of migrations).
    #[doc(hidden)]
    pub fn open_to(path: &Path, version: i64) -> Result<Db> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(storage_error)?;
        }
        let lock = Self::lock(path)?;
        let conn = Connection::open(path)?;
        let mut db = Db {
            conn,
            path: Some(path.to_owned()),
            clock: Utc::now,
            _lock: lock,
        };
        db.configure()?;
        db.migrate(version)?;
        // A file left unsealed (a crash, a power cut while the network
        // form ran) is sealed now; if that fails, it is tried again at
        // close, and the database opens all the same.
        if version == SCHEMA_VERSION {
            let _ = db.seal();
            // Copies beyond the number to keep (an update of the schema
            // just made one) go; one that cannot go stays until next time.
            let _ = db.prune_copies();
        }
        Ok(db)
    }

    /// A fresh database in memory (tests, previews).
    pub fn open_in_memory() -> Result<Db> {
        Self::open_in_memory_to(SCHEMA_VERSION)
    }

    fn open_in_memory_to(version: i64) -> Result<Db> {
        let mut db = Db {
            conn: Connection::open_in_memory()?,
            path: None,
            clock: Utc::now,
            _lock: Vec::new(),
        };
        db.configure()?;
        db.migrate(version)?;
        Ok(db)
    }

    /// Takes the locks of `path`; another process holding one means another
    /// Klimat works on this database. Two locks: `<file>.lock` beside the
    /// file's real path (symbolic links and relative paths meet it, and so
    /// do other users), and one named by the file's identity (device and
    /// inode; volume and file index on Windows) in the temporary folder,
    /// which every hard link of the file meets: two processes writing one
    /// file under two names, each with its own write-ahead log, would
    /// damage it.
    fn lock(path: &Path) -> Result<Vec<std::fs::File>> {
        // The same file reached through a symbolic link or another relative
        // path must meet the same lock.
        let real = std::fs::canonicalize(path).unwrap_or_else(|_| {
            match (path.parent().map(std::fs::canonicalize), path.file_name()) {
                (Some(Ok(dir)), Some(name)) => dir.join(name),
                _ => path.to_owned(),
            }
        });
        let mut locks = vec![Self::lock_file(&PathBuf::from(format!(
            "{}.lock",
            real.display()
        )))?];
        // A new database is created empty here (SQLite takes an empty file
        // as a new database), so that it has its identity from the start.
        if !real.exists() {
            let _ = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&real);
        }
        if let Ok(id) = file_id::get_file_id(&real) {
            let name = match id {
                file_id::FileId::Inode {
                    device_id,
                    inode_number,
                } => format!("{device_id:x}-{inode_number:x}"),
                file_id::FileId::LowRes {
                    volume_serial_number,
                    file_index,
                } => format!("{volume_serial_number:x}-{file_index:x}"),
                file_id::FileId::HighRes {
                    volume_serial_number,
                    file_id,
                } => format!("{volume_serial_number:x}-{file_id:x}"),
            };
            let by_identity = std::env::temp_dir().join(format!("klimat-{name}.lock"));
            match Self::lock_file(&by_identity) {
                Ok(f) => locks.push(f),
                Err(StoreError::InUse) => return Err(StoreError::InUse),
                // A temporary folder that cannot be written: the lock by
                // path still holds.
                Err(_) => {}
            }
        }
        Ok(locks)
    }

    /// Opens (creating) and locks one lock file.
    fn lock_file(lock_path: &Path) -> Result<std::fs::File> {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(lock_path)
            .or_else(|e| {
                // A lock file another user created (say, Klimat once run as
                // administrator) cannot be opened for writing, but a lock
                // needs only reading; the database itself tells whether it
                // is writable.
                if e.kind() == std::io::ErrorKind::PermissionDenied && lock_path.exists() {
                    std::fs::File::open(lock_path)
                } else {
                    Err(e)
                }
            })
            .map_err(storage_error)?;
        match file.try_lock() {
            Ok(()) => Ok(file),
            Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::InUse),
            Err(std::fs::TryLockError::Error(e)) => Err(storage_error(e)),
        }
    }

    /// Replaces the clock (tests).
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// The file behind the database, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub(crate) fn now(&self) -> String {
        (self.clock)().to_rfc3339_opts(SecondsFormat::Millis, true)
    }

    /// Runs `f` as one transaction (a savepoint, so that it nests): all of
    /// its writes or none.
    pub(crate) fn in_transaction<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        self.conn.execute_batch("SAVEPOINT klimat_write")?;
        match f() {
            Ok(v) => {
                self.conn.execute_batch("RELEASE klimat_write")?;
                Ok(v)
            }
            Err(e) => {
                let _ = self
                    .conn
                    .execute_batch("ROLLBACK TO klimat_write; RELEASE klimat_write");
                Err(e)
            }
        }
    }

    /// The date only (`2026-11-25`): the finest time a form or its log may
    /// carry, so that no stored time can tell who filled a form at a kiosk
    /// (see docs/methodology.md, "Anonymity").
    pub(crate) fn today(&self) -> String {
        (self.clock)().format("%Y-%m-%d").to_string()
    }

    fn configure(&self) -> Result<()> {
        self.conn.busy_timeout(std::time::Duration::from_secs(10))?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        // Freed bytes are overwritten with zeros, not left in the file: a
        // deleted form, or an old copy of a page that held spent codes,
        // leaves nothing behind (docs/methodology.md, "Anonymity").
        self.conn.pragma_update(None, "secure_delete", "ON")?;
        // A saved form survives a power cut, not only a crash.
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        // 32 MB of page cache instead of SQLite's 2 MB: a large import
        // inserts random UUIDs into two indexes, and with the small cache
        // their pages were evicted and read back from the OS again and
        // again (the import benchmark spent most of its time copying pages).
        self.conn.pragma_update(None, "cache_size", -32_768)?;
        Ok(())
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    fn migrate(&mut self, target: i64) -> Result<()> {
        let current = self.schema_version()?;
        if current > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                found: current,
                supported: SCHEMA_VERSION,
            });
        }
        if current == 0 {
            let tables: i64 = self.conn.query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
                [],
                |r| r.get(0),
            )?;
            if tables > 0 {
                return Err(StoreError::NotKlimatDatabase);
            }
            // A new file gets 16 KB pages instead of SQLite's 4 KB: a large
            // import fills fewer, fuller b-tree pages (about an eighth
            // faster at 10⁵ forms); a file made before keeps its pages.
            self.conn.pragma_update(None, "page_size", 16_384)?;
        }
        // Only a file known to be Klimat's is switched to WAL: the switch
        // rewrites the file's header, and a foreign or newer file must be
        // left exactly as it was.
        if self.path.is_some() {
            self.conn.pragma_update(None, "journal_mode", "WAL")?;
        }
        if current >= target {
            return Ok(());
        }
        if current > 0
            && let Some(path) = &self.path
        {
            let stamp = (self.clock)().format("%Y%m%d-%H%M%S");
            let copy = PathBuf::from(format!("{}.v{current}-{stamp}.bak", path.display()));
            self.vacuum_into(&copy)?;
        }
        // SQLite's procedure for rebuilding a table that others reference
        // (migration 8 rebuilds `surveys`): foreign keys off outside the
        // transaction, checked inside it before it commits. With them on,
        // dropping the old table would delete every form by cascade.
        self.conn.pragma_update(None, "foreign_keys", "OFF")?;
        let result = (|| -> Result<()> {
            for (i, (_, sql)) in MIGRATIONS.iter().enumerate().take(target as usize) {
                let version = i as i64 + 1;
                if version <= current {
                    continue;
                }
                let tx = self.conn.transaction()?;
                tx.execute_batch(sql)?;
                let broken: i64 =
                    tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                        r.get(0)
                    })?;
                if broken > 0 {
                    return Err(StoreError::Invalid(format!(
                        "{} {version}",
                        text::MIGRATION_BROKE_LINKS
                    )));
                }
                tx.pragma_update(None, "user_version", version)?;
                tx.commit()?;
            }
            Ok(())
        })();
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        result
    }

    fn vacuum_into(&self, target: &Path) -> Result<()> {
        if target.exists() {
            return Err(StoreError::Invalid(format!(
                "{} «{}».",
                text::BACKUP_EXISTS,
                target.display()
            )));
        }
        let target = target
            .to_str()
            .ok_or_else(|| StoreError::Invalid(format!("{}", target.display())))?;
        self.conn.execute("VACUUM INTO ?1", params![target])?;
        Ok(())
    }

    /// Writes a consistent copy of the whole database to `target` (which
    /// must not exist), while the database stays open and usable.
    ///
    /// # Errors
    /// When `target` exists or cannot be written.
    pub fn backup(&self, target: &Path) -> Result<()> {
        let target = backup_target(target)?;
        let result = self.vacuum_into(&target);
        // A backup that failed (a full disk) leaves no empty or partial
        // file behind, which would refuse the retry as "exists".
        if result.is_err() && !matches!(result, Err(StoreError::Invalid(_))) {
            let _ = std::fs::remove_file(&target);
        }
        result
    }

    /// Replaces the whole database with the backup at `source`, after
    /// checking it is a sound Klimat database no newer than this build; the
    /// current content is first copied beside the database file
    /// (`<file>.before-restore-<time>.bak`). Returns that copy's path.
    ///
    /// # Errors
    /// [`StoreError::BadBackup`] when `source` is not a usable backup;
    /// nothing is changed then.
    pub fn restore(&mut self, source: &Path) -> Result<Option<PathBuf>> {
        {
            if source.is_dir() {
                return Err(StoreError::BadBackup(text::RESTORE_FOLDER.into()));
            }
            if !source.is_file() {
                return Err(StoreError::BadBackup(text::RESTORE_MISSING.into()));
            }
            let src = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)
                .map_err(|_| StoreError::BadBackup(text::RESTORE_MISSING.into()))?;
            // SQLite's own words are English; the user gets the reason.
            let bad = |e: rusqlite::Error| {
                StoreError::BadBackup(
                    match e.sqlite_error_code() {
                        Some(rusqlite::ErrorCode::NotADatabase) => text::RESTORE_NOT_DB,
                        Some(
                            rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::PermissionDenied,
                        ) => text::RESTORE_MISSING,
                        _ => text::RESTORE_DAMAGED,
                    }
                    .into(),
                )
            };
            let version: i64 = src
                .query_row("PRAGMA user_version", [], |r| r.get(0))
                .map_err(bad)?;
            if version > SCHEMA_VERSION {
                return Err(StoreError::NewerSchema {
                    found: version,
                    supported: SCHEMA_VERSION,
                });
            }
            let has_surveys: Option<String> = src
                .query_row(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'surveys'",
                    [],
                    |r| r.get(0),
                )
                .optional()
                .map_err(bad)?;
            if version < 1 || has_surveys.is_none() {
                return Err(StoreError::NotKlimatDatabase);
            }
            // Klimat writes UTF-8 only, and the header says so with the
            // number 1 at offset 56. Any other number — UTF-16, or a value
            // SQLite reads as "UTF-8 by default" but then refuses once the
            // pages are copied (found by the restore fuzz target) — is
            // refused here, before anything is replaced.
            let mut header = [0u8; 60];
            std::io::Read::read_exact(&mut std::fs::File::open(source)?, &mut header)
                .map_err(|_| StoreError::BadBackup(text::RESTORE_DAMAGED.into()))?;
            let encoding = u32::from_be_bytes([header[56], header[57], header[58], header[59]]);
            if encoding != 1 {
                return Err(StoreError::BadBackup(format!(
                    "{} {encoding})",
                    text::RESTORE_ENCODING
                )));
            }
            let check: String = src
                .query_row("PRAGMA integrity_check", [], |r| r.get(0))
                .map_err(bad)?;
            if check != "ok" {
                return Err(StoreError::BadBackup(text::RESTORE_DAMAGED.into()));
            }
            // Exactly the tables, indexes and triggers Klimat creates at that
            // version: a trigger added by hand would run on the next import.
            let expected = schema_of(&Db::open_in_memory_to(version)?.conn)?;
            if schema_of(&src).map_err(bad)? != expected {
                return Err(StoreError::BadBackup(text::RESTORE_FOREIGN_SCHEMA.into()));
            }
            crate::forms::check_all_rows(&src)
                .map_err(|_| StoreError::BadBackup(text::RESTORE_BAD_ROW.into()))?;
            crate::validate::check_restored(&src, (self.clock)().timestamp())?;
        }
        let saved = match &self.path {
            Some(path) => {
                let stamp = (self.clock)().format("%Y%m%d-%H%M%S-%3f");
                let copy = free_path(&format!("{}.before-restore-{stamp}", path.display()));
                self.vacuum_into(&copy)?;
                Some(copy)
            }
            None => None,
        };
        // SQLite's backup API cannot change the page size of a database in
        // WAL mode (it fails with SQLITE_READONLY), and files made before
        // schema 7 have 4 KB pages, newer ones 16 KB: the file leaves WAL
        // for the copy, which then takes the backup's page size, and
        // returns to it after.
        let file = self.path.is_some();
        if file {
            self.conn.pragma_update(None, "journal_mode", "DELETE")?;
        }
        let copied = self.conn.restore(
            rusqlite::MAIN_DB,
            source,
            None::<fn(rusqlite::backup::Progress)>,
        );
        if file {
            self.conn.pragma_update(None, "journal_mode", "WAL")?;
        }
        if let Err(e) = copied {
            // The copy is one transaction: on failure the database is as it
            // was, and the copy made before it is not needed.
            if let Some(copy) = &saved
                && self.integrity_check().is_ok_and(|c| c == "ok")
            {
                let _ = std::fs::remove_file(copy);
            }
            return Err(e.into());
        }
        self.configure()?;
        self.migrate(SCHEMA_VERSION)?;
        self.prune_copies()?;
        Ok(saved)
    }

    /// The copies of this database Klimat made beside it (before a restore,
    /// `<file>.before-restore-<time>.bak`, and before an update of the
    /// schema, `<file>.v<N>-<time>.bak`), newest first. None for a
    /// database in memory.
    ///
    /// # Errors
    /// The folder cannot be read.
    pub fn own_copies(&self) -> Result<Vec<PathBuf>> {
        let Some(path) = &self.path else {
            return Ok(Vec::new());
        };
        let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
            return Ok(Vec::new());
        };
        let name = name.to_string_lossy();
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        let mut copies: Vec<(std::time::SystemTime, PathBuf)> = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(storage_error)? {
            let Ok(entry) = entry else { continue };
            let file = entry.file_name();
            let file = file.to_string_lossy();
            let Some(rest) = file.strip_prefix(name.as_ref()) else {
                continue;
            };
            let ours = rest.ends_with(".bak")
                && (rest.starts_with(".before-restore-")
                    || rest
                        .strip_prefix(".v")
                        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit())));
            if ours && entry.file_type().is_ok_and(|t| t.is_file()) {
                let when = entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .unwrap_or(std::time::UNIX_EPOCH);
                copies.push((when, entry.path()));
            }
        }
        copies.sort_by(|a, b| b.cmp(a));
        Ok(copies.into_iter().map(|(_, p)| p).collect())
    }

    /// How many of its own copies Klimat keeps (3 unless set).
    ///
    /// # Errors
    /// The database's.
    pub fn keep_copies(&self) -> Result<u32> {
        Ok(self
            .setting(crate::keys::KEEP_COPIES)?
            .and_then(|v| v.parse().ok())
            .filter(|n| (1..=crate::keys::MAX_KEEP_COPIES).contains(n))
            .unwrap_or(crate::keys::DEFAULT_KEEP_COPIES))
    }

    /// Sets how many of its own copies Klimat keeps (1 to 50) and removes
    /// the older ones at once; returns how many were removed.
    ///
    /// # Errors
    /// [`StoreError::Invalid`] for a number out of range.
    pub fn set_keep_copies(&self, keep: u32) -> Result<usize> {
        if !(1..=crate::keys::MAX_KEEP_COPIES).contains(&keep) {
            return Err(StoreError::Invalid(text::BAD_KEEP_COPIES.into()));
        }
        self.set_setting(crate::keys::KEEP_COPIES, &keep.to_string())?;
        self.prune_copies()
    }

    /// Removes Klimat's own copies beyond the number to keep, the oldest
    /// first; returns how many were removed. A copy that cannot be removed
    /// is left (and tried again next time).
    ///
    /// # Errors
    /// The folder or the setting cannot be read.
    pub fn prune_copies(&self) -> Result<usize> {
        let keep = self.keep_copies()? as usize;
        let mut removed = 0;
        for old in self.own_copies()?.into_iter().skip(keep) {
            if std::fs::remove_file(&old).is_ok() {
                removed += 1;
            }
        }
        Ok(removed)
    }

    /// Rewrites the file so that no byte order tells when a self-filled
    /// form arrived or an access code was made or spent, and empties the
    /// write-ahead log (docs/methodology.md, "Anonymity").
    ///
    /// SQLite writes the cells of a page in the order rows came, so the
    /// raw bytes of the code tables and of the forms would otherwise pair
    /// forms with slips; a WAL keeps each recent submission's pages side
    /// by side. `VACUUM` writes every table again in key order (random
    /// ids and hashes), secure_delete zeroes what is freed, and a
    /// truncating checkpoint leaves an empty log, which SQLite deletes
    /// when the last connection closes. Done only when the file was
    /// marked (a kiosk or network form was stored, codes were made since
    /// the last seal), so everyday commands stay fast; [`Db::close`] and
    /// dropping the database call it, and opening a file left unsealed by
    /// a crash seals it.
    ///
    /// # Errors
    /// SQLite's (a full disk: the file stays as it was, still marked).
    pub fn seal(&self) -> Result<()> {
        if !self.unsealed()? {
            return Ok(());
        }
        self.delete_setting(UNSEALED)?;
        if let Err(e) = self.conn.execute_batch("VACUUM") {
            let _ = mark_unsealed(&self.conn);
            return Err(e.into());
        }
        if self.path.is_some() {
            self.conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        }
        Ok(())
    }

    /// Whether the file waits for [`Db::seal`].
    pub fn unsealed(&self) -> Result<bool> {
        Ok(self.setting(UNSEALED)?.as_deref() == Some("1"))
    }

    /// Closes the database cleanly: sealed if needed ([`Db::seal`]), the
    /// write-ahead log checkpointed and removed.
    ///
    /// # Errors
    /// SQLite's.
    pub fn close(mut self) -> Result<()> {
        let sealed = self.seal();
        let conn = std::mem::replace(&mut self.conn, Connection::open_in_memory()?);
        conn.close().map_err(|(_, e)| StoreError::from(e))?;
        sealed
    }

    /// Caps the file at `pages` pages, so tests can meet a full disk.
    #[doc(hidden)]
    pub fn limit_pages_for_tests(&self, pages: u32) -> Result<()> {
        self.conn.pragma_update(None, "max_page_count", pages)?;
        Ok(())
    }

    /// `PRAGMA integrity_check`: "ok" for a sound file.
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }

    /// A setting's value.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Removes a setting (nothing happens when it is not there).
    pub fn delete_setting(&self, key: &str) -> Result<()> {
        self.conn
            .execute("DELETE FROM settings WHERE key = ?1", [key])?;
        Ok(())
    }

    /// Stores a setting.
    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }
}
