//! Verification by double entry (docs/verification.md): paper forms keyed a
//! second time, blind, compared with the stored entry field by field, each
//! difference settled against the paper. The comparison is over the import
//! template's cells, so a field is what a column of the template is, and a
//! settled form is read back by the import's own parser and checked by the
//! survey's rules like every other form.

use klimat_core::Instrument;
use rusqlite::{OptionalExtension, params};

use crate::db::Db;
use crate::error::{Result, StoreError};
use crate::export;
use crate::model::{FormData, StoredForm};
use crate::text;

/// One field that differs between the two entries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldDiff {
    /// The template column («q3», «o1_pos», «tenure»).
    pub column: String,
    /// The column as a person reads it («Утверждение 3»).
    pub label: String,
    /// The cell as first keyed (blank: no answer).
    pub first: String,
    /// The cell as keyed the second time.
    pub second: String,
    /// The first entry as a person reads it (a tenure's label, a list of
    /// words with commas); blank for no answer.
    pub first_shown: String,
    /// The second entry as a person reads it.
    pub second_shown: String,
}

/// What comparing two entries of one form found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// The fields compared: every column of the template but the code,
    /// which is how the two entries were matched.
    pub fields: usize,
    /// The fields that differ, in the template's order.
    pub differences: Vec<FieldDiff>,
}

/// Compares two entries of one form field by field.
///
/// # Panics
/// Never: both forms are of the instrument of `first`; a `second` of
/// another instrument differs in every field it has.
pub fn compare(first: &FormData, second: &FormData) -> Comparison {
    let instrument = first.answers.instrument();
    let columns = export::columns(instrument);
    let labels = klimat_core::template::column_labels(instrument);
    let (a, b) = (export::cells(first), export::cells(second));
    let shown = |form: &FormData, column: &str, cell: &str| match column {
        "tenure" => form.tenure.label(),
        "n7_actors" | "n7_tech" => cell.replace('|', ", "),
        _ => cell.to_owned(),
    };
    let differences = (1..columns.len())
        .filter(|&i| a.get(i) != b.get(i))
        .map(|i| {
            let (x, y) = (
                a.get(i).cloned().unwrap_or_default(),
                b.get(i).cloned().unwrap_or_default(),
            );
            FieldDiff {
                column: columns[i].clone(),
                label: labels[i].clone(),
                first_shown: shown(first, &columns[i], &x),
                second_shown: shown(second, &columns[i], &y),
                first: x,
                second: y,
            }
        })
        .collect();
    Comparison {
        fields: columns.len() - 1,
        differences,
    }
}

/// The verification statistics of one questionnaire of a survey.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct VerificationStats {
    /// The questionnaire.
    pub instrument: Option<Instrument>,
    /// Forms stored.
    pub forms: u64,
    /// Forms keyed a second time (and still stored).
    pub verified: u64,
    /// Fields compared over those forms.
    pub fields: u64,
    /// Fields that differed.
    pub differences: u64,
    /// Verified forms with differences not yet settled.
    pub unsettled: u64,
    /// Keystrokes of the second keying, where the window counted them.
    pub keystrokes: u64,
    /// Seconds of the second keying, where the window timed it.
    pub seconds: f64,
    /// Forms whose second keying was timed.
    pub timed: u64,
    /// Forms picked for verification and not keyed yet.
    pub planned: u64,
}

impl VerificationStats {
    /// The share of stored forms verified, in percent.
    pub fn share(&self) -> Option<f64> {
        (self.forms > 0).then(|| self.verified as f64 * 100.0 / self.forms as f64)
    }

    /// Differences per 1 000 fields compared.
    pub fn per_thousand_fields(&self) -> Option<f64> {
        (self.fields > 0).then(|| self.differences as f64 * 1000.0 / self.fields as f64)
    }

    /// Differences per 1 000 keystrokes of the second keying.
    pub fn per_thousand_keystrokes(&self) -> Option<f64> {
        (self.keystrokes > 0).then(|| self.differences as f64 * 1000.0 / self.keystrokes as f64)
    }

    /// Forms keyed per hour, from the timed second keyings.
    pub fn forms_per_hour(&self) -> Option<f64> {
        (self.seconds > 0.0).then(|| self.timed as f64 * 3600.0 / self.seconds)
    }
}

/// How the second keying went, as the window measured it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Keying {
    /// Keystrokes, when counted.
    pub keystrokes: Option<u64>,
    /// Seconds from the first keystroke to the save, when timed.
    pub seconds: Option<f64>,
}

/// A form picked for verification, or verified.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerificationItem {
    /// The form.
    pub uuid: String,
    /// Its code.
    pub code: String,
    /// `None` while it waits; else the number of differences found.
    pub differences: Option<u64>,
    /// Whether its differences are settled (true when there were none).
    pub settled: bool,
}

/// A small generator for picking forms at random: splitmix64, seeded from
/// the system's randomness (through a version-4 UUID). The pick need not
/// be unpredictable, only fair.
struct Pick(u64);

impl Pick {
    fn new() -> Pick {
        let seed = uuid::Uuid::new_v4().as_u64_pair();
        Pick(seed.0 ^ seed.1)
    }

    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        (z % n as u64) as usize
    }
}

impl Db {
    /// The one stored form of a questionnaire with this code.
    ///
    /// # Errors
    /// [`StoreError::Invalid`] when no form or more than one has it.
    pub fn form_by_code(
        &self,
        survey_id: i64,
        instrument: Instrument,
        code: &str,
    ) -> Result<StoredForm> {
        self.survey(survey_id)?;
        let code = code.trim();
        let mut stmt = self.conn.prepare_cached(
            "SELECT uuid FROM forms WHERE survey_id = ?1 AND instrument = ?2 AND code = ?3 LIMIT 2",
        )?;
        let uuids: Vec<String> = stmt
            .query_map(params![survey_id, instrument.id(), code], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        match uuids.as_slice() {
            [one] => self.form(one),
            [] => Err(StoreError::Invalid(format!(
                "{} «{code}» {}",
                text::VERIFY_NO_CODE,
                text::VERIFY_NO_CODE_TAIL
            ))),
            _ => Err(StoreError::Invalid(format!(
                "{} «{code}»; {}",
                text::VERIFY_CODE_REPEATED,
                text::VERIFY_CODE_REPEATED_TAIL
            ))),
        }
    }

    /// Compares a second keying of a stored form (found by its code) with
    /// the first, and records what it found: the form counts as verified,
    /// settled when nothing differs. The second keying is checked first by
    /// the survey's rules as an edit of that form would be.
    ///
    /// # Errors
    /// As [`Db::form_by_code`]; the rules' refusal.
    pub fn verify_form(
        &mut self,
        survey_id: i64,
        second: &FormData,
        keying: Keying,
    ) -> Result<(StoredForm, Comparison)> {
        let stored = self.form_by_code(survey_id, second.answers.instrument(), &second.code)?;
        self.check(
            survey_id,
            std::slice::from_ref(second),
            Some(&stored.uuid),
            None,
        )?;
        let comparison = compare(&stored.data, second);
        let n = comparison.differences.len() as i64;
        let today = self.today();
        let (uuid, instrument) = (stored.uuid.clone(), stored.data.answers.instrument().id());
        let fields = comparison.fields as i64;
        let record = move |conn: &rusqlite::Connection| {
            conn.execute(
                "INSERT INTO verifications (form_uuid, survey_id, instrument, planned, fields,
                    differences, keystrokes, seconds, settled, day)
                 VALUES (?1, ?2, ?3, 0, ?4, ?5, ?6, ?7, ?8, ?9)
                 ON CONFLICT (form_uuid) DO UPDATE SET planned = 0, fields = ?4,
                    differences = ?5, keystrokes = ?6, seconds = ?7, settled = ?8, day = ?9",
                params![
                    uuid,
                    survey_id,
                    instrument,
                    fields,
                    n,
                    keying.keystrokes.map(|k| k.min(i64::MAX as u64) as i64),
                    keying.seconds.filter(|s| s.is_finite() && *s >= 0.0),
                    n == 0,
                    today,
                ],
            )
            .map(|_| ())
        };
        if n == 0 {
            // Nothing to settle: the log says the form was verified, in the
            // transaction that records the verification.
            self.replace_form(
                &stored.uuid,
                &stored.data,
                "verified",
                Some(&|tx| record(tx)),
            )?;
        } else {
            record(&self.conn)?;
        }
        Ok((stored, comparison))
    }

    /// Settles a verified form: its content becomes `values` (template
    /// column → cell as on the paper) over the first entry, read by the
    /// import's parser and checked by the survey's rules, and saved as an
    /// edit the change log calls «verified».
    ///
    /// # Errors
    /// [`StoreError::NoForm`]; [`StoreError::Invalid`] for a form not
    /// verified, an unknown column or a bad value (named by its label).
    pub fn settle_verification(
        &mut self,
        uuid: &str,
        values: &[(String, String)],
    ) -> Result<StoredForm> {
        let stored = self.form(uuid)?;
        let verified: Option<i64> = self
            .conn
            .query_row(
                "SELECT fields FROM verifications WHERE form_uuid = ?1",
                [uuid],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        if verified.is_none() {
            return Err(StoreError::Invalid(text::VERIFY_NOT_VERIFIED.into()));
        }
        let instrument = stored.data.answers.instrument();
        let columns = export::columns(instrument);
        let mut cells = export::cells(&stored.data);
        for (column, value) in values {
            let i = columns
                .iter()
                .position(|c| c == column)
                .filter(|&i| i > 0)
                .ok_or_else(|| {
                    StoreError::Invalid(format!("{} «{column}»", text::VERIFY_UNKNOWN_FIELD))
                })?;
            cells[i].clone_from(value);
        }
        let data = crate::import::form_from_cells(instrument, &cells).map_err(|e| match e {
            klimat_core::template::TemplateError::Cells { cells: bad, .. } => StoreError::Invalid(
                crate::import::labelled_cell_errors(instrument, &bad).join("\n"),
            ),
            other => StoreError::Template(other),
        })?;
        let uuid_owned = uuid.to_owned();
        let mark = move |tx: &rusqlite::Transaction<'_>| {
            tx.execute(
                "UPDATE verifications SET settled = 1 WHERE form_uuid = ?1",
                [&uuid_owned],
            )
            .map(|_| ())
        };
        self.replace_form(uuid, &data, "verified", Some(&mark))
    }

    /// Picks the forms of a questionnaire to verify: all of them
    /// (`percent` 100) or a random `percent` of them (at least one),
    /// among those not verified yet and with a paper to key again: kiosk
    /// and network forms, filled on screen, are never picked; the pick replaces an earlier one not
    /// yet keyed. Returns the list as [`Db::verification_list`] does.
    ///
    /// # Errors
    /// [`StoreError::Invalid`] for a share outside 1–100.
    pub fn plan_verification(
        &mut self,
        survey_id: i64,
        instrument: Instrument,
        percent: u32,
    ) -> Result<Vec<VerificationItem>> {
        if !(1..=100).contains(&percent) {
            return Err(StoreError::Invalid(text::VERIFY_BAD_SHARE.into()));
        }
        self.survey(survey_id)?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "DELETE FROM verifications WHERE survey_id = ?1 AND instrument = ?2 AND fields IS NULL",
            params![survey_id, instrument.id()],
        )?;
        let mut candidates: Vec<String> = {
            let mut stmt = tx.prepare(
                "SELECT uuid FROM forms WHERE survey_id = ?1 AND instrument = ?2
                   AND entry <> 'kiosk' AND entry <> 'network'
                   AND uuid NOT IN (SELECT form_uuid FROM verifications) ORDER BY id",
            )?;
            stmt.query_map(params![survey_id, instrument.id()], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        let all = {
            let n: i64 = tx.query_row(
                "SELECT count(*) FROM forms WHERE survey_id = ?1 AND instrument = ?2
                   AND entry <> 'kiosk' AND entry <> 'network'",
                params![survey_id, instrument.id()],
                |r| r.get(0),
            )?;
            n.unsigned_abs() as usize
        };
        let want = if percent == 100 {
            candidates.len()
        } else {
            (all * percent as usize)
                .div_ceil(100)
                .clamp(1, candidates.len().max(1))
        }
        .min(candidates.len());
        // A partial Fisher–Yates shuffle: the first `want` are the pick.
        let mut pick = Pick::new();
        for i in 0..want {
            let j = i + pick.below(candidates.len() - i);
            candidates.swap(i, j);
        }
        for uuid in &candidates[..want] {
            tx.execute(
                "INSERT INTO verifications (form_uuid, survey_id, instrument, planned)
                 VALUES (?1, ?2, ?3, 1)",
                params![uuid, survey_id, instrument.id()],
            )?;
        }
        tx.commit()?;
        self.verification_list(survey_id, instrument)
    }

    /// The forms picked for verification or verified, by code.
    ///
    /// # Errors
    /// SQLite's.
    pub fn verification_list(
        &self,
        survey_id: i64,
        instrument: Instrument,
    ) -> Result<Vec<VerificationItem>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.uuid, f.code, v.differences, v.settled FROM verifications v
               JOIN forms f ON f.uuid = v.form_uuid
              WHERE v.survey_id = ?1 AND v.instrument = ?2 ORDER BY f.code, f.id",
        )?;
        let rows = stmt.query_map(params![survey_id, instrument.id()], |r| {
            Ok(VerificationItem {
                uuid: r.get(0)?,
                code: r.get(1)?,
                differences: r.get::<_, Option<i64>>(2)?.map(i64::unsigned_abs),
                settled: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The verification statistics of every questionnaire of a survey, in
    /// the survey's order; forms deleted since do not count.
    ///
    /// # Errors
    /// [`StoreError::NoSurvey`]; SQLite's.
    pub fn verification_stats(&self, survey_id: i64) -> Result<Vec<VerificationStats>> {
        let survey = self.survey(survey_id)?;
        let mut out = Vec::new();
        for instrument in survey.settings.instruments {
            let mut s = self.conn.query_row(
                "SELECT count(v.fields), coalesce(sum(v.fields), 0),
                        coalesce(sum(v.differences), 0),
                        coalesce(sum(v.fields IS NOT NULL AND v.settled = 0), 0),
                        coalesce(sum(v.keystrokes), 0), coalesce(sum(v.seconds), 0.0),
                        count(v.seconds), coalesce(sum(v.fields IS NULL), 0)
                   FROM verifications v JOIN forms f ON f.uuid = v.form_uuid
                  WHERE v.survey_id = ?1 AND v.instrument = ?2",
                params![survey_id, instrument.id()],
                |r| {
                    let u = |i: usize| r.get::<_, i64>(i).map(i64::unsigned_abs);
                    Ok(VerificationStats {
                        instrument: Some(instrument),
                        forms: 0,
                        verified: u(0)?,
                        fields: u(1)?,
                        differences: u(2)?,
                        unsettled: u(3)?,
                        keystrokes: u(4)?,
                        seconds: r.get(5)?,
                        timed: u(6)?,
                        planned: u(7)?,
                    })
                },
            )?;
            s.forms = survey.form_counts[Instrument::ALL
                .iter()
                .position(|i| *i == instrument)
                .unwrap_or(0)];
            out.push(s);
        }
        Ok(out)
    }
}
