//! What the annual report needs beyond the survey: the staff (for the
//! participation rate), who prepared and who approves the report, and the
//! department's proposals. Kept per survey, validated like everything
//! written, and never carried in exchange files (they are the printing
//! department's, not the survey's).

use rusqlite::{OptionalExtension, params};
use serde_json::{Value, json};

use klimat_core::template::{hidden_char, limits};

use crate::db::Db;
use crate::error::{Result, StoreError};
use crate::text;

/// The most employees an organization or subdivision may list.
pub const MAX_STAFF: u64 = 10_000_000;
/// The most open answers a survey may have hidden: far more than an
/// operator hides by hand, and a bound on what an exchange file can add.
pub const MAX_HIDDEN_TEXTS: usize = 10_000;
/// The longest proposals text, in characters.
pub const MAX_PROPOSALS_CHARS: usize = 50_000;

/// A position and a name as printed in a signature block.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Person {
    /// «Начальник отдела кадров».
    pub position: String,
    /// «И. И. Иванова».
    pub name: String,
}

/// The report settings of a survey.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportSettings {
    /// Employees of the organization.
    pub staff_total: Option<u64>,
    /// Employees per subdivision of the survey's list.
    pub staff: Vec<(String, u64)>,
    /// Who prepared the report.
    pub prepared_by: Option<Person>,
    /// Who approves it («УТВЕРЖДАЮ»).
    pub approved_by: Option<Person>,
    /// The department's proposals and corrective plan.
    pub proposals: String,
    /// Open answers the operator hid before the report, folded
    /// (`klimat_core::culture::fold`): kept apart, set only by
    /// [`Db::set_text_hidden`], never replaced by
    /// [`Db::set_report_settings`].
    pub hidden_texts: Vec<String>,
}

fn person_json(p: &Option<Person>) -> Value {
    p.as_ref().map_or(
        Value::Null,
        |p| json!({"position": p.position, "name": p.name}),
    )
}

fn person_from(v: Option<&Value>) -> Option<Person> {
    let v = v?;
    Some(Person {
        position: v.get("position")?.as_str()?.to_owned(),
        name: v.get("name")?.as_str()?.to_owned(),
    })
}

impl ReportSettings {
    pub(crate) fn to_json(&self) -> String {
        json!({
            "staff_total": self.staff_total,
            "staff": self.staff.iter().map(|(s, n)| json!([s, n])).collect::<Vec<_>>(),
            "prepared_by": person_json(&self.prepared_by),
            "approved_by": person_json(&self.approved_by),
            "proposals": self.proposals,
            "hidden_texts": self.hidden_texts,
        })
        .to_string()
    }

    pub(crate) fn from_json(text: &str) -> Option<ReportSettings> {
        let v: Value = serde_json::from_str(text).ok()?;
        let staff = match v.get("staff") {
            None => Vec::new(),
            Some(list) => list
                .as_array()?
                .iter()
                .map(|pair| Some((pair.get(0)?.as_str()?.to_owned(), pair.get(1)?.as_u64()?)))
                .collect::<Option<_>>()?,
        };
        Some(ReportSettings {
            staff_total: v.get("staff_total").and_then(Value::as_u64),
            staff,
            prepared_by: person_from(v.get("prepared_by")),
            approved_by: person_from(v.get("approved_by")),
            proposals: v
                .get("proposals")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            hidden_texts: match v.get("hidden_texts") {
                None => Vec::new(),
                Some(list) => list
                    .as_array()?
                    .iter()
                    .map(|t| t.as_str().map(str::to_owned))
                    .collect::<Option<_>>()?,
            },
        })
    }

    /// Checks the settings against the survey's subdivisions.
    ///
    /// # Errors
    /// [`StoreError::Invalid`] with a Russian reason.
    pub fn validate(&self, subdivisions: &[String]) -> Result<()> {
        let invalid = |m: String| Err(StoreError::Invalid(m));
        let line = |s: &str| {
            s.chars().count() <= limits::MAX_NAME_CHARS && !s.chars().any(|c| hidden_char(c, false))
        };
        if self.staff_total.is_some_and(|n| n == 0 || n > MAX_STAFF) {
            return invalid(text::BAD_STAFF.into());
        }
        let mut seen = std::collections::HashSet::new();
        for (sub, n) in &self.staff {
            if !subdivisions.contains(sub) {
                return invalid(format!("{} «{sub}»", text::STAFF_UNKNOWN_SUBDIVISION));
            }
            if !seen.insert(sub.as_str()) {
                return invalid(format!("{} «{sub}»", text::STAFF_TWICE));
            }
            if *n == 0 || *n > MAX_STAFF {
                return invalid(format!("{} «{sub}»", text::BAD_STAFF_OF));
            }
        }
        if let Some(total) = self.staff_total {
            let sum: u64 = self.staff.iter().map(|(_, n)| n).sum();
            if sum > total {
                return invalid(text::STAFF_SUM_TOO_BIG.into());
            }
        }
        for p in [&self.prepared_by, &self.approved_by].into_iter().flatten() {
            if !line(&p.position) || !line(&p.name) || p.name.trim().is_empty() {
                return invalid(text::BAD_SIGNATORY.into());
            }
        }
        if self.proposals.chars().count() > MAX_PROPOSALS_CHARS
            || self.proposals.chars().any(|c| hidden_char(c, true))
        {
            return invalid(text::BAD_PROPOSALS.into());
        }
        Ok(())
    }
}

impl Db {
    /// The report settings of a survey (empty until set).
    ///
    /// # Errors
    /// [`StoreError::NoSurvey`]; a malformed stored value.
    pub fn report_settings(&self, survey: i64) -> Result<ReportSettings> {
        let text: Option<String> = self
            .conn
            .query_row(
                "SELECT report_settings FROM surveys WHERE id = ?1",
                params![survey],
                |r| r.get(0),
            )
            .optional()?;
        let text = text.ok_or(StoreError::NoSurvey(survey))?;
        ReportSettings::from_json(&text)
            .ok_or_else(|| StoreError::Invalid(text::BAD_STORED_REPORT_SETTINGS.into()))
    }

    /// Stores the report settings of a survey after checking them.
    ///
    /// # Errors
    /// [`StoreError::Invalid`]; [`StoreError::NoSurvey`].
    pub fn set_report_settings(&self, survey: i64, settings: &ReportSettings) -> Result<()> {
        let s = self.survey(survey)?;
        settings.validate(&s.settings.subdivisions)?;
        let mut settings = settings.clone();
        settings.hidden_texts = self.report_settings(survey)?.hidden_texts;
        self.conn.execute(
            "UPDATE surveys SET report_settings = ?2, updated_at = ?3 WHERE id = ?1",
            params![survey, settings.to_json(), self.now()],
        )?;
        Ok(())
    }

    /// Hides an open answer from the survey's reports (`hidden`), or shows
    /// it again. The text is kept folded
    /// (`klimat_core::culture::fold`), so that every form that wrote it,
    /// in any case or spacing, is hidden alike.
    ///
    /// # Errors
    /// [`StoreError::NoSurvey`]; [`StoreError::Invalid`] for an empty or
    /// over-long text.
    pub fn set_text_hidden(&self, survey: i64, answer: &str, hidden: bool) -> Result<()> {
        self.set_texts_hidden(survey, std::slice::from_ref(&answer.to_owned()), hidden)
    }

    /// [`Db::set_text_hidden`] for several texts at once, in one write (an
    /// exchange file's list); at most [`MAX_HIDDEN_TEXTS`] may be hidden.
    ///
    /// # Errors
    /// As [`Db::set_text_hidden`]; [`StoreError::Invalid`] past the limit.
    pub fn set_texts_hidden(&self, survey: i64, answers: &[String], hidden: bool) -> Result<()> {
        let mut settings = self.report_settings(survey)?;
        let mut set: std::collections::BTreeSet<String> =
            settings.hidden_texts.into_iter().collect();
        for answer in answers {
            let key = klimat_core::culture::fold(answer);
            if key.is_empty() || key.chars().count() > limits::MAX_TEXT_CHARS {
                return Err(StoreError::Invalid(text::BAD_HIDDEN_TEXT.into()));
            }
            if hidden {
                set.insert(key);
            } else {
                set.remove(&key);
            }
        }
        if set.len() > MAX_HIDDEN_TEXTS {
            return Err(StoreError::Invalid(text::TOO_MANY_HIDDEN_TEXTS.into()));
        }
        settings.hidden_texts = set.into_iter().collect();
        self.conn.execute(
            "UPDATE surveys SET report_settings = ?2, updated_at = ?3 WHERE id = ?1",
            params![survey, settings.to_json(), self.now()],
        )?;
        Ok(())
    }
}
