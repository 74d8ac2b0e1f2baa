//! Which groups of a survey Klimat publishes, decided once per survey and
//! asked by every output that could show a group: the organization's
//! report and workbook (through the same rule, `Partition`), the
//! participation table, the subdivision reports, the comparison with last
//! year (docs/methodology.md, "Anonymity").
//!
//! The rule: a subdivision hidden in the organization's report — because it
//! has fewer than K forms, or to cover one that has (complementary
//! suppression) — is hidden everywhere. No report of it alone is made and
//! no comparison quotes it, so the forms the published groups do not cover
//! are always none or at least K, from at least two groups, and no
//! subtraction of one document from another isolates fewer.

use klimat_core::Instrument;
use klimat_core::anonymity::{Hidden, Partition};
use klimat_store::Db;

use crate::error::{AppError, Result};
use crate::text;

/// A survey's publishing decisions.
#[derive(Clone, Debug)]
pub struct Disclosure {
    /// The survey's threshold K.
    pub k: u32,
    /// Per questionnaire of the survey: its forms by subdivision and the
    /// fate of each group.
    by_subdivision: Vec<(Instrument, Partition)>,
}

/// The decisions for a stored survey.
///
/// # Errors
/// The store's ([`klimat_store::StoreError::NoSurvey`] for an unknown
/// survey).
pub fn of_survey(db: &Db, survey: i64) -> Result<Disclosure> {
    let s = db.survey(survey)?;
    let k = s.settings.anonymity_threshold;
    // The forms the reports count (a wholly blank form is none), by
    // subdivision: the same groups as the report's breakdown.
    use crate::reports::{commitment_forms, culture_forms, satisfaction_forms};
    fn subs<A>(forms: Vec<klimat_report::FormRow<A>>) -> Vec<(Option<String>, u64)> {
        forms.into_iter().map(|f| (f.subdivision, 1)).collect()
    }
    let mut by_subdivision = Vec::new();
    for &i in &s.settings.instruments {
        let counts = match i {
            Instrument::Commitment => subs(commitment_forms(db, survey)?),
            Instrument::Satisfaction => subs(satisfaction_forms(db, survey)?),
            Instrument::Culture => subs(culture_forms(db, survey)?),
        };
        by_subdivision.push((i, Partition::new(counts, k)));
    }
    Ok(Disclosure { k, by_subdivision })
}

impl Disclosure {
    /// The groups by subdivision of a questionnaire (empty when the
    /// survey has none of it).
    pub fn subdivisions(&self, instrument: Instrument) -> Partition {
        self.by_subdivision
            .iter()
            .find(|(i, _)| *i == instrument)
            .map(|(_, p)| p.clone())
            .unwrap_or_default()
    }

    /// Whether the subdivision's figures of a questionnaire are published
    /// (it has forms of it, and the organization's report shows it).
    pub fn published(&self, instrument: Instrument, sub: &str) -> bool {
        self.subdivisions(instrument).published(Some(sub))
    }

    /// Whether a report of the subdivision alone may be made: it must have
    /// forms, and every questionnaire it has forms of must be published
    /// for it in the organization's report.
    ///
    /// # Errors
    /// [`AppError::Refused`] saying why, in the user's words.
    pub fn check_subdivision_report(&self, sub: &str) -> Result<()> {
        let mut any = false;
        for (i, p) in &self.by_subdivision {
            let n = p.forms(Some(sub));
            if n == 0 {
                continue;
            }
            any = true;
            match p.fate(Some(sub)) {
                Hidden::No => {}
                Hidden::Small => {
                    return Err(AppError::Refused(text::subdivision_too_small(
                        sub,
                        i.label(),
                        u64::from(self.k),
                    )));
                }
                Hidden::Complement => {
                    return Err(AppError::Refused(text::subdivision_withheld(
                        sub,
                        i.label(),
                    )));
                }
            }
        }
        if !any {
            return Err(AppError::Refused(format!(
                "{} «{sub}»",
                text::SUBDIVISION_NO_FORMS
            )));
        }
        Ok(())
    }

    /// The subdivisions of the list a report of their own may be made for.
    pub fn reportable<'a>(&self, subdivisions: &'a [String]) -> Vec<&'a str> {
        subdivisions
            .iter()
            .filter(|s| self.check_subdivision_report(s).is_ok())
            .map(String::as_str)
            .collect()
    }
}
