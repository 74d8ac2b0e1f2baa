//! Klimat's core: the three instruments of the 2022 methodology as data,
//! the import template, scoring, group analysis, comparison with a previous
//! survey and the written conclusions.
//!
//! Everything here is a pure function of its arguments: no file, clock,
//! network or database is touched. Main entry points:
//!
//! - [`template::parse_csv`] / [`template::TemplateParser`]: forms from the
//!   import template (docs/methodology.md, "The import template");
//! - [`commitment`], [`satisfaction`], [`culture`]: per-form scores and the
//!   one-pass accumulators that produce each instrument's analysis;
//! - [`compare`]: the change of every figure against a previous survey;
//! - [`text::ru::conclusions`]: «Вывод» paragraphs from the numbers.

#![forbid(unsafe_code)]

pub mod anonymity;
pub mod commitment;
pub mod compare;
pub mod culture;
pub mod numfmt;
pub mod precision;
pub mod satisfaction;
pub mod template;
pub mod tenure;
pub mod text;

/// The three questionnaires of the methodology.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Instrument {
    /// «Организационная приверженность» (Appendix Б).
    Commitment,
    /// «Интегральная удовлетворенность трудом» (Appendix В).
    Satisfaction,
    /// «Корпоративная культура: ценности и направления развития» (Appendix A).
    Culture,
}

impl Instrument {
    /// All instruments.
    pub const ALL: [Instrument; 3] = [
        Instrument::Commitment,
        Instrument::Satisfaction,
        Instrument::Culture,
    ];

    /// The id used on the command line and in files.
    pub fn id(self) -> &'static str {
        match self {
            Instrument::Commitment => "commitment",
            Instrument::Satisfaction => "satisfaction",
            Instrument::Culture => "culture",
        }
    }

    /// Parses [`Instrument::id`].
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|i| i.id() == id)
    }

    /// The Russian name.
    pub fn label(self) -> &'static str {
        match self {
            Instrument::Commitment => text::ru::INSTRUMENTS[0],
            Instrument::Satisfaction => text::ru::INSTRUMENTS[1],
            Instrument::Culture => text::ru::INSTRUMENTS[2],
        }
    }
}
