//! The keys of the `settings` table, and the shape each value must have.
//! A restored backup is checked against them ([`check`]), so that no
//! stored value is trusted beyond its rule (a kiosk wait of 73 years).

use klimat_core::Instrument;
use klimat_core::template::hidden_char;

/// Kiosk mode on ("1") or off ("0").
pub const KIOSK_ACTIVE: &str = "kiosk_active";
/// The survey the kiosk serves (its id).
pub const KIOSK_SURVEY: &str = "kiosk_survey";
/// The questionnaire the kiosk serves (its id).
pub const KIOSK_INSTRUMENT: &str = "kiosk_instrument";
/// The kiosk PIN's Argon2id hash (PHC string).
pub const KIOSK_PIN: &str = "kiosk_pin_argon2";
/// Wrong PINs in a row.
pub const KIOSK_PIN_FAILURES: &str = "kiosk_pin_failures";
/// The time (seconds since 1970) before which no PIN is tried.
pub const KIOSK_PIN_NOT_BEFORE: &str = "kiosk_pin_not_before";
/// The example survey (its UUID; an id in files of older versions).
pub const EXAMPLE_SURVEY: &str = "example_survey";
/// Set while the file may still tell the order forms arrived in.
pub const UNSEALED: &str = "unsealed";
/// The window's size when it was last closed («1280x800»).
pub const WINDOW_SIZE: &str = "window_size";
/// Copies of the database Klimat keeps beside it (before a restore).
pub const KEEP_COPIES: &str = "keep_copies";

/// The longest wait after wrong kiosk PINs, in seconds.
pub const MAX_KIOSK_WAIT_SECONDS: i64 = 300;
/// Copies of the database kept unless the user chooses otherwise.
pub const DEFAULT_KEEP_COPIES: u32 = 3;
/// The most copies of the database that may be kept.
pub const MAX_KEEP_COPIES: u32 = 50;
/// The longest value any setting may have.
const MAX_VALUE_CHARS: usize = 1000;

fn digits(v: &str, max_len: usize) -> bool {
    !v.is_empty() && v.len() <= max_len && v.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `value` has the shape its `key` requires, at time `now`
/// (seconds since 1970). Keys this version does not know (left by an older
/// one) need only be short plain text.
pub fn valid(key: &str, value: &str, now: i64) -> bool {
    if value.chars().count() > MAX_VALUE_CHARS || value.chars().any(|c| hidden_char(c, false)) {
        return false;
    }
    match key {
        KIOSK_ACTIVE | UNSEALED => matches!(value, "0" | "1"),
        KIOSK_SURVEY => digits(value, 18),
        KIOSK_INSTRUMENT => Instrument::from_id(value).is_some(),
        KIOSK_PIN => value.starts_with("$argon2id$") && value.len() <= 200,
        KIOSK_PIN_FAILURES => digits(value, 9),
        KIOSK_PIN_NOT_BEFORE => {
            value == "0"
                || (digits(value, 18)
                    && value
                        .parse::<i64>()
                        .is_ok_and(|t| t <= now.saturating_add(MAX_KIOSK_WAIT_SECONDS)))
        }
        EXAMPLE_SURVEY => {
            digits(value, 18)
                || (value.len() == 36 && value.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-'))
        }
        WINDOW_SIZE => value
            .split_once('x')
            .is_some_and(|(w, h)| digits(w, 5) && digits(h, 5)),
        KEEP_COPIES => {
            digits(value, 3)
                && value
                    .parse::<u32>()
                    .is_ok_and(|n| (1..=MAX_KEEP_COPIES).contains(&n))
        }
        _ => key.len() <= 64 && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
    }
}
