//! One-time access codes for filling the questionnaires over the office
//! network (docs/network.md). A code is shown once — printed on a slip —
//! and stored only as a hash, in a table of its own: a stored form holds no
//! trace of the code it came with, and the codes table holds no trace of
//! the forms but which questionnaires each code has been spent on.

use klimat_core::Instrument;
use rusqlite::{OptionalExtension, params};
use sha2::{Digest, Sha256};

use crate::db::Db;
use crate::error::{Result, StoreError};
use crate::forms::insert_form;
use crate::model::{Entry, FormData};
use crate::text;

/// The characters of a code: no 0/O, 1/I/L look-alikes.
pub const CODE_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/// Characters of a code (printed as two groups of four, «7KMQ-42PX»):
/// 31⁸ ≈ 8,5·10¹¹ codes, so that among 10 000 printed a guess hits one
/// with a chance of about 10⁻⁸.
pub const CODE_CHARS: usize = 8;
/// Why an unknown code is refused.
pub const CODE_UNKNOWN: &str = text::CODE_UNKNOWN_TEXT;
/// Why a spent code is refused.
pub const CODE_SPENT: &str = text::CODE_SPENT_TEXT;
/// The most codes made at once.
pub const MAX_CODES: usize = 10_000;

/// What a code admits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeState {
    /// Not a code of this survey (or mistyped).
    Unknown,
    /// A code of the survey, already spent on these questionnaires.
    Valid {
        /// The questionnaires it has been used for.
        spent: Vec<Instrument>,
    },
}

/// A code as typed, in its canonical form: upper case, without spaces and
/// dashes, Cyrillic look-alikes read as the Latin letters of the alphabet
/// (an office keyboard is often left in the Russian layout).
pub fn normalize_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '–' && *c != '—')
        .flat_map(char::to_uppercase)
        .map(|c| match c {
            'А' => 'A',
            'В' => 'B',
            'Е' => 'E',
            'К' => 'K',
            'М' => 'M',
            'Н' => 'H',
            'Р' => 'P',
            'С' => 'C',
            'Т' => 'T',
            'Х' => 'X',
            'У' => 'Y',
            'З' => '3',
            other => other,
        })
        .collect()
}

/// A code as printed: «7KMQ-42PX».
pub fn printed_code(code: &str) -> String {
    let c: Vec<char> = normalize_code(code).chars().collect();
    if c.len() == CODE_CHARS {
        let (a, b) = c.split_at(CODE_CHARS / 2);
        format!(
            "{}-{}",
            a.iter().collect::<String>(),
            b.iter().collect::<String>()
        )
    } else {
        c.into_iter().collect()
    }
}

/// The stored hash of an access code: tests play the attacker who holds
/// the slips and looks for them in the file.
#[doc(hidden)]
pub fn stored_hash(survey_uuid: &str, code: &str) -> String {
    hash(survey_uuid, code)
}

fn hash(survey_uuid: &str, code: &str) -> String {
    let mut h = Sha256::new();
    h.update(b"klimat-access-code\0");
    h.update(survey_uuid.as_bytes());
    h.update(b"\0");
    h.update(normalize_code(code).as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// A random code (the system's randomness, through version-4 UUIDs),
/// without modulo bias.
fn random_code() -> String {
    let mut out = String::with_capacity(CODE_CHARS);
    let limit = 256 - 256 % CODE_ALPHABET.len();
    while out.len() < CODE_CHARS {
        for b in uuid::Uuid::new_v4().as_bytes() {
            if usize::from(*b) < limit && out.len() < CODE_CHARS {
                out.push(char::from(
                    CODE_ALPHABET[usize::from(*b) % CODE_ALPHABET.len()],
                ));
            }
        }
    }
    out
}

/// A random code for a form filled over the network: «Сеть 7KM42P», as
/// kiosk forms get theirs; nothing to do with the access code.
fn form_code() -> String {
    let c = random_code();
    format!("{} {}", text::NETWORK_CODE_PREFIX, &c[..6])
}

impl Db {
    /// Makes `count` new access codes for a survey and returns them, as
    /// printed («7KMQ-42PX»). Only their hashes are kept: the codes cannot
    /// be shown again.
    ///
    /// # Errors
    /// [`StoreError::Invalid`] for a count of 0 or above [`MAX_CODES`];
    /// [`StoreError::NoSurvey`].
    pub fn create_codes(&mut self, survey_id: i64, count: usize) -> Result<Vec<String>> {
        if count == 0 || count > MAX_CODES {
            return Err(StoreError::Invalid(text::BAD_CODE_COUNT.into()));
        }
        let survey = self.survey(survey_id)?;
        let tx = self.conn.transaction()?;
        let mut codes = Vec::with_capacity(count);
        {
            let mut insert =
                tx.prepare("INSERT OR IGNORE INTO access_codes (hash, survey_id) VALUES (?1, ?2)")?;
            while codes.len() < count {
                let code = random_code();
                // A code drawn twice (about one chance in 10⁸ per pair) is
                // drawn again.
                if insert.execute(params![hash(&survey.uuid, &code), survey_id])? == 1 {
                    codes.push(printed_code(&code));
                }
            }
        }
        crate::db::mark_unsealed(&tx)?;
        tx.commit()?;
        Ok(codes)
    }

    /// What a typed code admits.
    ///
    /// # Errors
    /// [`StoreError::NoSurvey`]; SQLite's.
    pub fn code_state(&self, survey_id: i64, code: &str) -> Result<CodeState> {
        let survey = self.survey(survey_id)?;
        let h = hash(&survey.uuid, code);
        if !self.code_of(survey_id, &h)? {
            return Ok(CodeState::Unknown);
        }
        Ok(CodeState::Valid {
            spent: self.spent_on(&h)?,
        })
    }

    /// The codes of a survey: (made, spent on at least one questionnaire).
    ///
    /// # Errors
    /// SQLite's.
    pub fn code_counts(&self, survey_id: i64) -> Result<(u64, u64)> {
        let (made, spent): (i64, i64) = self.conn.query_row(
            "SELECT (SELECT count(*) FROM access_codes WHERE survey_id = ?1),
                    (SELECT count(DISTINCT s.hash) FROM spent_codes s
                       JOIN access_codes a ON a.hash = s.hash WHERE a.survey_id = ?1)",
            [survey_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok((made.unsigned_abs(), spent.unsigned_abs()))
    }

    /// Saves a form filled over the network with an access code, in one
    /// immediate transaction: the form is checked by the survey's rules,
    /// the code spent for its questionnaire and the form stored under a
    /// random code of its own, or nothing happens. Returns the
    /// questionnaires the code has now been spent on (read in the same
    /// transaction, so that a stored form is never reported as refused).
    ///
    /// # Errors
    /// [`StoreError::CodeRefused`] for an unknown code or one already spent
    /// on this questionnaire; the survey's rules.
    pub fn add_network_form(
        &mut self,
        survey_id: i64,
        access_code: &str,
        data: &FormData,
    ) -> Result<Vec<Instrument>> {
        let survey = self.survey(survey_id)?;
        let h = hash(&survey.uuid, access_code);
        // Validation reads the stored codes: it runs inside the write
        // transaction, so that nothing changes between the check and the
        // insert (the window and `klimat serve` may share the file).
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        let result = self.network_form_in_transaction(survey_id, &h, data);
        match result {
            Ok(spent) => {
                self.conn.execute_batch("COMMIT")?;
                Ok(spent)
            }
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }

    fn network_form_in_transaction(
        &mut self,
        survey_id: i64,
        h: &str,
        data: &FormData,
    ) -> Result<Vec<Instrument>> {
        let instrument = data.answers.instrument();
        if !self.code_of(survey_id, h)? {
            return Err(StoreError::CodeRefused(CODE_UNKNOWN));
        }
        let mut form = data.clone();
        let mut checked = false;
        for _ in 0..3 {
            form.code = form_code();
            match self.check(survey_id, std::slice::from_ref(&form), None, None) {
                Ok(()) => {
                    checked = true;
                    break;
                }
                // A random code that is taken: draw again.
                Err(StoreError::FormsRefused(_)) if self.code_taken(survey_id, &form)? => {}
                Err(e) => return Err(e),
            }
        }
        if !checked {
            return Err(StoreError::FormsRefused(vec![text::NO_FREE_CODE.into()]));
        }
        let spent = self.conn.execute(
            "INSERT OR IGNORE INTO spent_codes (hash, instrument) VALUES (?1, ?2)",
            params![h, instrument.id()],
        )?;
        if spent == 0 {
            return Err(StoreError::CodeRefused(CODE_SPENT));
        }
        let uuid = uuid::Uuid::new_v4().to_string();
        let now = self.today();
        insert_form(
            &self.conn,
            &uuid,
            survey_id,
            &form,
            Entry::Network,
            &now,
            &now,
            "created",
            &now,
        )?;
        self.spent_on(h)
    }

    /// Whether a code (by its hash) is one of the survey's.
    fn code_of(&self, survey_id: i64, h: &str) -> Result<bool> {
        let known: Option<i64> = self
            .conn
            .query_row(
                "SELECT survey_id FROM access_codes WHERE hash = ?1",
                [h],
                |r| r.get(0),
            )
            .optional()?;
        Ok(known == Some(survey_id))
    }

    /// The questionnaires a code (by its hash) has been spent on.
    fn spent_on(&self, h: &str) -> Result<Vec<Instrument>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT instrument FROM spent_codes WHERE hash = ?1")?;
        let spent = stmt
            .query_map([h], |r| r.get::<_, String>(0))?
            .filter_map(|r| r.ok().and_then(|id| Instrument::from_id(&id)))
            .collect();
        Ok(spent)
    }

    fn code_taken(&self, survey_id: i64, form: &FormData) -> Result<bool> {
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM forms WHERE survey_id = ?1 AND instrument = ?2 AND code = ?3",
            params![survey_id, form.answers.instrument().id(), form.code],
            |r| r.get(0),
        )?;
        Ok(n > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_use_the_alphabet_and_read_back_as_typed() {
        let c = random_code();
        assert_eq!(c.len(), CODE_CHARS);
        assert!(c.bytes().all(|b| CODE_ALPHABET.contains(&b)), "{c}");
        assert_eq!(printed_code(&c).len(), CODE_CHARS + 1);
        assert_eq!(normalize_code(" 7kmq-42px "), "7KMQ42PX");
        // The same keys in the Russian layout's look-alike letters.
        assert_eq!(normalize_code("7КМQ–42РХ"), "7KMQ42PX");
        // Eight characters of several bytes each are not cut inside one.
        assert_eq!(printed_code("€€€€€€€€"), "€€€€-€€€€");
        assert_eq!(printed_code("ЖЖЖЖЖЖЖЖ"), "ЖЖЖЖ-ЖЖЖЖ");
    }
}
