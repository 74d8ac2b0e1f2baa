//! Kiosk mode's rules, apart from the window that shows it.
//!
//! - Whether kiosk mode is on, and for which survey and questionnaire, is
//!   kept in the database: closing the window or a restart comes back
//!   locked.
//! - The PIN is stored as an Argon2id hash with a random salt (PHC string),
//!   never as the PIN or a fast hash.
//! - Wrong PINs are answered with a growing wait: the first
//!   [`FREE_ATTEMPTS`] are free, then 5 s, 10 s, 20 s … up to
//!   [`MAX_WAIT_SECONDS`]. The count and the time of the next allowed
//!   attempt are stored too, so a restart does not reset them.
//! - Self-filled forms get a random code («Киоск 7KM42P»): a code made from
//!   the time would tell who was at the kiosk then.
//!
//! Time comes in as an argument (seconds since 1970); nothing here reads
//! the clock.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use klimat_core::Instrument;
use klimat_store::{Db, StoreError};

use crate::text;

use klimat_store::keys::{
    KIOSK_ACTIVE as ACTIVE, KIOSK_INSTRUMENT as INSTRUMENT, KIOSK_PIN as PIN,
    KIOSK_PIN_FAILURES as FAILURES, KIOSK_PIN_NOT_BEFORE as NOT_BEFORE, KIOSK_SURVEY as SURVEY,
};

/// Wrong PINs answered without a wait.
pub const FREE_ATTEMPTS: u32 = 3;
/// The longest wait after wrong PINs, in seconds.
pub const MAX_WAIT_SECONDS: i64 = klimat_store::keys::MAX_KIOSK_WAIT_SECONDS;

/// Why a kiosk operation was refused.
#[derive(Debug)]
pub enum KioskError {
    /// No PIN has been set, so kiosk mode cannot start.
    NoPin,
    /// A PIN that is not 4–8 digits.
    BadPin,
    /// The PIN was wrong; the next attempt is allowed after `wait` seconds.
    Wrong {
        /// Seconds to wait before the next attempt.
        wait: i64,
    },
    /// An attempt before the wait after wrong PINs has passed.
    TooSoon {
        /// Seconds still to wait.
        wait: i64,
    },
    /// The kiosk is not on (a kiosk save outside kiosk mode).
    NotActive,
    /// The database refused.
    Store(StoreError),
}

impl std::error::Error for KioskError {}

impl std::fmt::Display for KioskError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KioskError::NoPin => f.write_str(text::KIOSK_NO_PIN),
            KioskError::BadPin => f.write_str(text::KIOSK_BAD_PIN),
            KioskError::Wrong { wait: 0 } => f.write_str(text::KIOSK_WRONG_PIN),
            KioskError::Wrong { wait } => {
                write!(f, "{} {wait} {}", text::KIOSK_WRONG_PIN_WAIT, text::SECONDS)
            }
            KioskError::TooSoon { wait } => {
                write!(f, "{} {wait} {}", text::KIOSK_TOO_SOON, text::SECONDS)
            }
            KioskError::NotActive => f.write_str(text::KIOSK_NOT_ACTIVE),
            KioskError::Store(e) => e.fmt(f),
        }
    }
}

impl KioskError {
    /// A stable id for the UI.
    pub fn code(&self) -> &'static str {
        match self {
            KioskError::NoPin => "kiosk_no_pin",
            KioskError::BadPin => "invalid",
            KioskError::Wrong { .. } => "wrong_pin",
            KioskError::TooSoon { .. } => "pin_wait",
            KioskError::NotActive => "kiosk_not_active",
            KioskError::Store(e) => e.code(),
        }
    }
}

impl From<StoreError> for KioskError {
    fn from(e: StoreError) -> Self {
        KioskError::Store(e)
    }
}

/// Kiosk mode as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KioskState {
    /// Kiosk mode is on.
    pub active: bool,
    /// A PIN is set.
    pub pin_set: bool,
    /// The survey self-filled forms go to, while on.
    pub survey_id: Option<i64>,
    /// The questionnaire shown, while on.
    pub instrument: Option<Instrument>,
}

/// Kiosk mode as stored in `db`.
///
/// # Errors
/// The database's.
pub fn state(db: &Db) -> Result<KioskState, KioskError> {
    Ok(KioskState {
        active: db.setting(ACTIVE)?.as_deref() == Some("1"),
        pin_set: db.setting(PIN)?.is_some(),
        survey_id: db.setting(SURVEY)?.and_then(|s| s.parse().ok()),
        instrument: db
            .setting(INSTRUMENT)?
            .and_then(|i| Instrument::from_id(&i)),
    })
}

/// Sets the PIN (4–8 digits) that leaving kiosk mode needs.
///
/// # Errors
/// [`KioskError::BadPin`] for another PIN; the database's.
pub fn set_pin(db: &Db, pin: &str) -> Result<(), KioskError> {
    if !(4..=8).contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
        return Err(KioskError::BadPin);
    }
    let salt =
        SaltString::encode_b64(uuid::Uuid::new_v4().as_bytes()).map_err(|_| KioskError::BadPin)?;
    let hash = Argon2::default()
        .hash_password(pin.as_bytes(), &salt)
        .map_err(|_| KioskError::BadPin)?
        .to_string();
    db.set_setting(PIN, &hash)?;
    db.set_setting(FAILURES, "0")?;
    db.set_setting(NOT_BEFORE, "0")?;
    Ok(())
}

/// Turns kiosk mode on for a survey's questionnaire.
///
/// # Errors
/// [`KioskError::NoPin`] without a PIN; [`StoreError::NoSurvey`] or
/// [`StoreError::InstrumentNotInSurvey`] for a survey that cannot take the
/// forms.
pub fn enter(db: &Db, survey_id: i64, instrument: Instrument) -> Result<(), KioskError> {
    if db.setting(PIN)?.is_none() {
        return Err(KioskError::NoPin);
    }
    let survey = db.survey(survey_id)?;
    if !survey.settings.instruments.contains(&instrument) {
        return Err(StoreError::InstrumentNotInSurvey(instrument.label()).into());
    }
    db.set_setting(SURVEY, &survey_id.to_string())?;
    db.set_setting(INSTRUMENT, instrument.id())?;
    db.set_setting(ACTIVE, "1")?;
    Ok(())
}

/// Turns kiosk mode off if `pin` is right, at time `now` (seconds since
/// 1970).
///
/// # Errors
/// [`KioskError::TooSoon`] while a wait runs, [`KioskError::Wrong`] for a
/// wrong PIN (with the wait it starts).
pub fn leave(db: &Db, pin: &str, now: i64) -> Result<(), KioskError> {
    let not_before: i64 = db
        .setting(NOT_BEFORE)?
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    // Never longer than the rule allows, whatever the file says (a clock
    // set back, a value written by hand): the wait is cut to the longest
    // one and stored so, so that it ends.
    let not_before = if not_before > now.saturating_add(MAX_WAIT_SECONDS) {
        let capped = now.saturating_add(MAX_WAIT_SECONDS);
        db.set_setting(NOT_BEFORE, &capped.to_string())?;
        capped
    } else {
        not_before
    };
    if now < not_before {
        return Err(KioskError::TooSoon {
            wait: not_before - now,
        });
    }
    let stored = db.setting(PIN)?.ok_or(KioskError::NoPin)?;
    let right = PasswordHash::new(&stored)
        .map(|h| {
            Argon2::default()
                .verify_password(pin.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false);
    if right {
        db.set_setting(FAILURES, "0")?;
        db.set_setting(NOT_BEFORE, "0")?;
        db.set_setting(ACTIVE, "0")?;
        return Ok(());
    }
    let failures: u32 = db
        .setting(FAILURES)?
        .and_then(|s| s.parse::<u32>().ok())
        .unwrap_or(0)
        .saturating_add(1);
    let wait = wait_after(failures);
    db.set_setting(FAILURES, &failures.to_string())?;
    db.set_setting(NOT_BEFORE, &(now + wait).to_string())?;
    Err(KioskError::Wrong { wait })
}

/// The wait, in seconds, after `failures` wrong PINs in a row.
pub fn wait_after(failures: u32) -> i64 {
    if failures < FREE_ATTEMPTS {
        return 0;
    }
    let doublings = (failures - FREE_ATTEMPTS).min(10);
    (5i64 << doublings).min(MAX_WAIT_SECONDS)
}

/// Saves a self-filled form of the kiosk's survey and questionnaire, under
/// a fresh random code; refused unless kiosk mode is on.
///
/// # Errors
/// [`KioskError::NotActive`]; the store's refusal of the form.
pub fn save(db: &mut Db, mut form: klimat_store::FormData) -> Result<String, KioskError> {
    let s = state(db)?;
    let (true, Some(survey_id), Some(instrument)) = (s.active, s.survey_id, s.instrument) else {
        return Err(KioskError::NotActive);
    };
    if form.answers.instrument() != instrument {
        return Err(StoreError::InstrumentNotInSurvey(form.answers.instrument().label()).into());
    }
    // The subdivision and position the employee chose are checked against
    // the survey's lists by the store, as for any form.
    // A random code that happens to be taken (about one chance in 10⁹
    // per stored form) is refused by the store's uniqueness rule: draw
    // again.
    let mut last = None;
    for _ in 0..3 {
        form.code = format!("{} {}", text::KIOSK_CODE_PREFIX, random_code());
        match db.add_form(survey_id, &form, klimat_store::Entry::Kiosk) {
            Ok(saved) => return Ok(saved.data.code),
            Err(e @ StoreError::FormsRefused(_)) => last = Some(e),
            Err(e) => return Err(e.into()),
        }
    }
    Err(KioskError::Store(
        last.unwrap_or(StoreError::FormsRefused(Vec::new())),
    ))
}

/// Six characters from an alphabet without look-alikes (no 0/O, 1/I/L).
fn random_code() -> String {
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    uuid::Uuid::new_v4().as_bytes()[..6]
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(*b) % ALPHABET.len()]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_grow_after_three_wrong_pins_and_stop_at_five_minutes() {
        let waits: Vec<i64> = (1..=10).map(wait_after).collect();
        assert_eq!(waits, [0, 0, 5, 10, 20, 40, 80, 160, 300, 300]);
    }

    #[test]
    fn kiosk_codes_use_the_unambiguous_alphabet() {
        let code = random_code();
        assert_eq!(code.chars().count(), 6);
        assert!(code.chars().all(|c| !"01IOL".contains(c)), "{code}");
    }
}
