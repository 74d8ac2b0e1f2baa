//! Verification by double entry: paper forms keyed a second time, blind,
//! compared with the first entry field by field; each difference settled
//! against the paper; the statistics the entry screen, the workbook and
//! the report's method section show. The store does the comparison
//! (`klimat_store::compare`); this layer adds the file check of
//! `klimat verify` and the report's rows.

use std::path::Path;

use klimat_core::Instrument;
use klimat_store::{
    Comparison, Db, FieldDiff, FormData, Keying, StoredForm, VerificationItem, VerificationStats,
};

use crate::error::Result;
use crate::files::read_input;

/// A second keying compared with the first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
    /// The stored form.
    pub uuid: String,
    /// Its code.
    pub code: String,
    /// What the comparison found.
    pub comparison: Comparison,
}

/// Compares a form keyed a second time with the stored one of the same
/// code and records the verification (settled at once when nothing
/// differs).
///
/// # Errors
/// No stored form with that code, or more than one; the survey's rules.
pub fn verify_form(db: &mut Db, survey: i64, form: &FormData, keying: Keying) -> Result<Verified> {
    let (stored, comparison) = db.verify_form(survey, form, keying)?;
    Ok(Verified {
        uuid: stored.uuid,
        code: stored.data.code,
        comparison,
    })
}

/// Settles a verified form: `values` are the cells (template column →
/// text) as on the paper for the fields that differed.
///
/// # Errors
/// A value the questionnaire does not allow, named by its field; a form
/// not verified.
pub fn settle(db: &mut Db, uuid: &str, values: &[(String, String)]) -> Result<StoredForm> {
    Ok(db.settle_verification(uuid, values)?)
}

/// Picks a share of a questionnaire's forms to verify (100 for all).
///
/// # Errors
/// A share outside 1–100.
pub fn plan(
    db: &mut Db,
    survey: i64,
    instrument: Instrument,
    percent: u32,
) -> Result<Vec<VerificationItem>> {
    Ok(db.plan_verification(survey, instrument, percent)?)
}

/// The forms picked or verified.
///
/// # Errors
/// The store's.
pub fn list(db: &Db, survey: i64, instrument: Instrument) -> Result<Vec<VerificationItem>> {
    Ok(db.verification_list(survey, instrument)?)
}

/// The statistics per questionnaire of a survey.
///
/// # Errors
/// The store's.
pub fn stats(db: &Db, survey: i64) -> Result<Vec<VerificationStats>> {
    Ok(db.verification_stats(survey)?)
}

/// The report's rows: one per questionnaire of the survey, empty when no
/// form was verified.
///
/// # Errors
/// The store's.
pub fn report_rows(db: &Db, survey: i64) -> Result<Vec<klimat_report::VerificationRow>> {
    let stats = db.verification_stats(survey)?;
    if stats.iter().all(|s| s.verified == 0) {
        return Ok(Vec::new());
    }
    Ok(stats
        .iter()
        .map(|s| klimat_report::VerificationRow {
            instrument: s.instrument.map_or("", Instrument::label).to_owned(),
            forms: s.forms,
            verified: s.verified,
            fields: s.fields,
            differences: s.differences,
            unsettled: s.unsettled,
            keystrokes: s.keystrokes,
            seconds: s.seconds,
            timed: s.timed,
        })
        .collect())
}

/// One form of a re-keyed file against the stored forms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileForm {
    /// Found by its code; the fields that differ (none when equal).
    Compared {
        /// The code.
        code: String,
        /// The fields that differ.
        differences: Vec<FieldDiff>,
    },
    /// No stored form has this code, or several have.
    NotFound {
        /// The code.
        code: String,
        /// Why, in Russian.
        reason: String,
    },
}

/// What comparing a re-keyed file found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileCheck {
    /// The file's forms, in its order.
    pub forms: Vec<FileForm>,
    /// Fields compared over the forms found.
    pub fields: usize,
}

impl FileCheck {
    /// The number of differing fields, and of forms not found.
    pub fn problems(&self) -> usize {
        self.forms
            .iter()
            .map(|f| match f {
                FileForm::Compared { differences, .. } => differences.len(),
                FileForm::NotFound { .. } => 1,
            })
            .sum()
    }
}

/// Compares a file of re-keyed forms (the import template, CSV or XLSX)
/// with the stored forms of one questionnaire by code. The file goes
/// through the import's reading, validation and limits; nothing is
/// stored.
///
/// # Errors
/// The file's refusal, as an import's.
pub fn check_file(db: &Db, survey: i64, instrument: Instrument, path: &Path) -> Result<FileCheck> {
    let s = db.survey(survey)?;
    if !s.settings.instruments.contains(&instrument) {
        return Err(klimat_store::StoreError::InstrumentNotInSurvey(instrument.label()).into());
    }
    let bytes = read_input(path)?;
    let file = klimat_store::import::read_template(&bytes, Some(instrument))?;
    let mut out = FileCheck {
        forms: Vec::with_capacity(file.forms.len()),
        fields: 0,
    };
    for form in &file.forms {
        match db.form_by_code(survey, instrument, &form.code) {
            Ok(stored) => {
                let c = klimat_store::compare(&stored.data, form);
                out.fields += c.fields;
                out.forms.push(FileForm::Compared {
                    code: form.code.clone(),
                    differences: c.differences,
                });
            }
            Err(klimat_store::StoreError::Invalid(reason)) => out.forms.push(FileForm::NotFound {
                code: form.code.clone(),
                reason,
            }),
            Err(e) => return Err(e.into()),
        }
    }
    Ok(out)
}

/// The figures of one questionnaire as one line for the entry screen.
pub fn stats_line(s: &VerificationStats) -> String {
    use klimat_core::numfmt::{decimal, integer, percent, plural};
    if s.verified == 0 {
        return format!("{} {}.", crate::text::VERIFY_NONE_YET, s.forms);
    }
    let mut line = format!(
        "{} {} {} {} {} ({}); {} {}; {} {}",
        crate::text::VERIFY_DONE,
        s.verified,
        crate::text::VERIFY_OF,
        s.forms,
        plural(s.forms, "анкеты", "анкет", "анкет"),
        percent(s.share().unwrap_or(0.0), 1),
        crate::text::VERIFY_FIELDS,
        s.fields,
        crate::text::VERIFY_DIFFERENCES,
        s.differences,
    );
    if let Some(p) = s.per_thousand_fields() {
        line.push_str(&format!(
            " ({} {}",
            decimal(p, 1),
            crate::text::VERIFY_PER_FIELDS
        ));
        if let Some(k) = s.per_thousand_keystrokes() {
            line.push_str(&format!(
                ", {} {}",
                decimal(k, 1),
                crate::text::VERIFY_PER_KEYS
            ));
        }
        line.push(')');
    }
    line.push_str(&format!(
        "; {} {}",
        crate::text::VERIFY_UNSETTLED,
        s.unsettled
    ));
    if let Some(h) = s.forms_per_hour() {
        line.push_str(&format!(
            "; {} {}",
            crate::text::VERIFY_PER_HOUR,
            integer(h.round() as i64)
        ));
    }
    if s.planned > 0 {
        line.push_str(&format!("; {} {}", crate::text::VERIFY_WAITING, s.planned));
    }
    line.push('.');
    line
}
