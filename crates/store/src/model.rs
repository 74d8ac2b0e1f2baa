//! The stored records: surveys and forms.

use chrono::NaiveDate;
use klimat_core::Instrument;
use klimat_core::commitment::CommitmentAnswers;
use klimat_core::culture::CultureForm;
use klimat_core::satisfaction::{SatisfactionAnswers, SatisfactionKey};
use klimat_core::tenure::Tenure;

/// What a survey is made of, as created or edited.
#[derive(Clone, Debug, PartialEq)]
pub struct SurveySettings {
    /// «Диагностика 2026».
    pub name: String,
    /// The organization, if named.
    pub organization: Option<String>,
    /// The date of the survey.
    pub date: NaiveDate,
    /// The questionnaires it includes.
    pub instruments: Vec<Instrument>,
    /// The key satisfaction forms are scored with.
    pub satisfaction_key: SatisfactionKey,
    /// The subdivisions forms may name.
    pub subdivisions: Vec<String>,
    /// The position categories forms may name.
    pub positions: Vec<String>,
    /// The anonymity threshold K (docs/methodology.md, "Anonymity").
    pub anonymity_threshold: u32,
}

impl SurveySettings {
    /// A survey with the defaults of docs/methodology.md: corrected key, the three
    /// position categories of §2.4, K = 3.
    pub fn new(name: &str, date: NaiveDate, instruments: Vec<Instrument>) -> Self {
        Self {
            name: name.to_owned(),
            organization: None,
            date,
            instruments,
            satisfaction_key: SatisfactionKey::Corrected,
            subdivisions: Vec::new(),
            positions: klimat_core::text::ru::DEFAULT_POSITIONS
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
            anonymity_threshold: klimat_core::anonymity::DEFAULT_K,
        }
    }
}

/// A stored survey.
#[derive(Clone, Debug, PartialEq)]
pub struct Survey {
    /// Local id.
    pub id: i64,
    /// Global id, kept across exchange files.
    pub uuid: String,
    /// The settings.
    pub settings: SurveySettings,
    /// Archived surveys are kept but hidden from everyday lists.
    pub archived: bool,
    /// Forms per instrument, in [`Instrument::ALL`] order.
    pub form_counts: [u64; 3],
}

/// The answers of one form, of whichever instrument.
#[derive(Clone, Debug, PartialEq)]
pub enum Answers {
    /// «Организационная приверженность».
    Commitment(CommitmentAnswers),
    /// «Интегральная удовлетворенность трудом».
    Satisfaction(SatisfactionAnswers),
    /// «Корпоративная культура».
    Culture(Box<CultureForm>),
}

impl Answers {
    /// The instrument of these answers.
    pub fn instrument(&self) -> Instrument {
        match self {
            Answers::Commitment(_) => Instrument::Commitment,
            Answers::Satisfaction(_) => Instrument::Satisfaction,
            Answers::Culture(_) => Instrument::Culture,
        }
    }
}

/// The content of a form: what an operator keys in or a file holds.
#[derive(Clone, Debug, PartialEq)]
pub struct FormData {
    /// «Анкета 017»; never a name.
    pub code: String,
    /// Tenure.
    pub tenure: Tenure,
    /// Subdivision, if given.
    pub subdivision: Option<String>,
    /// Position category, if given.
    pub position: Option<String>,
    /// The answers.
    pub answers: Answers,
}

/// How a form came in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// Keyed in from paper by an operator.
    Operator,
    /// Self-filled in kiosk mode.
    Kiosk,
    /// Imported from a CSV/XLSX file.
    Import,
    /// Merged from another installation's exchange file.
    Merge,
    /// Self-filled by an employee from their own PC over the office network.
    Network,
}

impl Entry {
    /// The stored id.
    pub fn id(self) -> &'static str {
        match self {
            Entry::Operator => "operator",
            Entry::Kiosk => "kiosk",
            Entry::Import => "import",
            Entry::Merge => "merge",
            Entry::Network => "network",
        }
    }

    /// Parses [`Entry::id`].
    pub fn from_id(id: &str) -> Option<Entry> {
        [
            Entry::Operator,
            Entry::Kiosk,
            Entry::Import,
            Entry::Merge,
            Entry::Network,
        ]
        .into_iter()
        .find(|e| e.id() == id)
    }
}

/// A stored form.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredForm {
    /// Global id.
    pub uuid: String,
    /// The survey it belongs to.
    pub survey_id: i64,
    /// Its content.
    pub data: FormData,
    /// How it came in.
    pub entry: Entry,
    /// RFC 3339 UTC.
    pub created_at: String,
    /// RFC 3339 UTC.
    pub updated_at: String,
}

/// One entry of a form's change log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogEntry {
    /// `created`, `edited`, `deleted`, `merged` or `verified`.
    pub action: String,
    /// Canonical JSON of the content before, if any.
    pub old_content: Option<String>,
    /// Canonical JSON of the content after, if any (given back by
    /// [`crate::Db::form_log`] also where the entry does not store it).
    pub new_content: Option<String>,
    /// The day, `YYYY-MM-DD` (no finer time is kept).
    pub at: String,
}
