//! Tenure: the seven stored bands (docs/methodology.md, "Tenure bands") and
//! the coarser bands each instrument reports by (Table Б.6 for commitment,
//! question 19 of Table В.1 for satisfaction).
//!
//! A form may carry a tenure that is known only to a coarser precision than
//! the seven fine bands (the label «Свыше 15 лет» covers both `15-20` and
//! `gt20`). [`Tenure`] therefore stores a closed range of fine bands; a
//! report band is defined only when the whole range falls into it.

use crate::text::ru;

/// One of the seven fine tenure bands, in ascending order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FineBand {
    /// [0, 1) years.
    Lt1,
    /// [1, 3) years.
    Y1To3,
    /// [3, 5) years.
    Y3To5,
    /// [5, 10) years.
    Y5To10,
    /// [10, 15) years.
    Y10To15,
    /// [15, 20) years.
    Y15To20,
    /// 20 years and more.
    Gt20,
}

impl FineBand {
    /// All bands in ascending order.
    pub const ALL: [FineBand; 7] = [
        FineBand::Lt1,
        FineBand::Y1To3,
        FineBand::Y3To5,
        FineBand::Y5To10,
        FineBand::Y10To15,
        FineBand::Y15To20,
        FineBand::Gt20,
    ];

    /// The stable id used in files and the database (`lt1`, `1-3`, … `gt20`).
    pub fn id(self) -> &'static str {
        match self {
            FineBand::Lt1 => "lt1",
            FineBand::Y1To3 => "1-3",
            FineBand::Y3To5 => "3-5",
            FineBand::Y5To10 => "5-10",
            FineBand::Y10To15 => "10-15",
            FineBand::Y15To20 => "15-20",
            FineBand::Gt20 => "gt20",
        }
    }

    /// The label Klimat's own forms print for this band.
    pub fn label(self) -> &'static str {
        match self {
            FineBand::Lt1 => ru::FINE_BAND_LABELS[0],
            FineBand::Y1To3 => ru::FINE_BAND_LABELS[1],
            FineBand::Y3To5 => ru::FINE_BAND_LABELS[2],
            FineBand::Y5To10 => ru::FINE_BAND_LABELS[3],
            FineBand::Y10To15 => ru::FINE_BAND_LABELS[4],
            FineBand::Y15To20 => ru::FINE_BAND_LABELS[5],
            FineBand::Gt20 => ru::FINE_BAND_LABELS[6],
        }
    }

    /// The band holding `years` by the half-open intervals of the stored bands
    /// (docs/methodology.md, "Tenure bands").
    /// Returns `None` for negative or non-finite input.
    pub fn from_years(years: f64) -> Option<FineBand> {
        // More than a working life is not a tenure: it is what Excel makes
        // of a typed «1-3» (a date, read as a day number such as 45 658).
        if !years.is_finite() || !(0.0..=MAX_TENURE_YEARS).contains(&years) {
            return None;
        }
        Some(match years {
            y if y < 1.0 => FineBand::Lt1,
            y if y < 3.0 => FineBand::Y1To3,
            y if y < 5.0 => FineBand::Y3To5,
            y if y < 10.0 => FineBand::Y5To10,
            y if y < 15.0 => FineBand::Y10To15,
            y if y < 20.0 => FineBand::Y15To20,
            _ => FineBand::Gt20,
        })
    }

    fn from_index(i: u8) -> FineBand {
        FineBand::ALL[usize::from(i)]
    }
}

/// The tenure a form carries: unknown, or a closed range of fine bands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Tenure {
    /// Not given ("Не указали стаж").
    #[default]
    Unknown,
    /// Known to lie within the bands `from..=to`.
    Range {
        /// Lowest possible band.
        from: FineBand,
        /// Highest possible band.
        to: FineBand,
    },
}

impl Tenure {
    /// Tenure known to one fine band.
    pub fn fine(band: FineBand) -> Tenure {
        Tenure::Range {
            from: band,
            to: band,
        }
    }

    /// The band of commitment reports (Table Б.6), `None` when unknown or
    /// not determined.
    pub fn commitment_band(self) -> Option<CommitmentBand> {
        self.coarse(CommitmentBand::of_fine)
    }

    /// The band of satisfaction reports (question 19), `None` when unknown
    /// or not determined.
    pub fn satisfaction_band(self) -> Option<SatisfactionBand> {
        self.coarse(SatisfactionBand::of_fine)
    }

    fn coarse<B: PartialEq>(self, map: fn(FineBand) -> B) -> Option<B> {
        match self {
            Tenure::Unknown => None,
            Tenure::Range { from, to } => {
                let first = map(from);
                (from as u8..=to as u8)
                    .all(|i| map(FineBand::from_index(i)) == first)
                    .then_some(first)
            }
        }
    }

    /// The tenure as a person reads it: «не указано», a fine band's label,
    /// or the label of the coarse band a range stands for («свыше 15 лет»,
    /// «от 10 до 20 лет»).
    pub fn label(self) -> String {
        match self {
            Tenure::Unknown => ru::TENURE_UNKNOWN.to_owned(),
            Tenure::Range { from, to } if from == to => from.label().to_owned(),
            Tenure::Range {
                from: FineBand::Y15To20,
                to: FineBand::Gt20,
            } => ru::TENURE_OVER_15.to_owned(),
            Tenure::Range {
                from: FineBand::Y10To15,
                to: FineBand::Y15To20,
            } => ru::TENURE_10_TO_20.to_owned(),
            Tenure::Range { from, to } => format!("{} — {}", from.label(), to.label()),
        }
    }

    /// The tenures a form of `need`'s questionnaire offers, in order: the
    /// groups of Table Б.6 for commitment, the options of question 19 for
    /// satisfaction, and for the culture questionnaire (which asks no
    /// tenure of its own) the seven fine bands its blank form prints.
    pub fn options(need: TenureNeed) -> Vec<Tenure> {
        match need {
            TenureNeed::Commitment => CommitmentBand::ALL.iter().map(|b| b.tenure()).collect(),
            TenureNeed::Satisfaction => SatisfactionBand::ALL.iter().map(|b| b.tenure()).collect(),
            TenureNeed::Any => FineBand::ALL.iter().map(|b| Tenure::fine(*b)).collect(),
        }
    }

    /// The stable id stored for this tenure: a fine band id, `a..b` for a
    /// range of fine bands, or the empty string when unknown.
    pub fn storage_id(self) -> String {
        match self {
            Tenure::Unknown => String::new(),
            Tenure::Range { from, to } if from == to => from.id().to_owned(),
            Tenure::Range { from, to } => format!("{}..{}", from.id(), to.id()),
        }
    }
}

/// The tenure groups of commitment reports (Table Б.6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CommitmentBand {
    /// до года
    Lt1,
    /// 1-3 лет
    Y1To3,
    /// 3-5 лет
    Y3To5,
    /// 5-10 лет
    Y5To10,
    /// 10-15 лет
    Y10To15,
    /// Свыше 15 лет
    Gt15,
}

impl CommitmentBand {
    /// All groups in the order of Table Б.6.
    pub const ALL: [CommitmentBand; 6] = [
        CommitmentBand::Lt1,
        CommitmentBand::Y1To3,
        CommitmentBand::Y3To5,
        CommitmentBand::Y5To10,
        CommitmentBand::Y10To15,
        CommitmentBand::Gt15,
    ];

    /// The stored tenure of a form that ticked this group: a fine band, or
    /// 15–20 to 20+ for «Свыше 15 лет».
    pub fn tenure(self) -> Tenure {
        match self {
            CommitmentBand::Lt1 => Tenure::fine(FineBand::Lt1),
            CommitmentBand::Y1To3 => Tenure::fine(FineBand::Y1To3),
            CommitmentBand::Y3To5 => Tenure::fine(FineBand::Y3To5),
            CommitmentBand::Y5To10 => Tenure::fine(FineBand::Y5To10),
            CommitmentBand::Y10To15 => Tenure::fine(FineBand::Y10To15),
            CommitmentBand::Gt15 => Tenure::Range {
                from: FineBand::Y15To20,
                to: FineBand::Gt20,
            },
        }
    }

    fn of_fine(band: FineBand) -> CommitmentBand {
        match band {
            FineBand::Lt1 => CommitmentBand::Lt1,
            FineBand::Y1To3 => CommitmentBand::Y1To3,
            FineBand::Y3To5 => CommitmentBand::Y3To5,
            FineBand::Y5To10 => CommitmentBand::Y5To10,
            FineBand::Y10To15 => CommitmentBand::Y10To15,
            FineBand::Y15To20 | FineBand::Gt20 => CommitmentBand::Gt15,
        }
    }

    /// The report-band id (`lt1`, `1-3`, … `gt15`; docs/methodology.md,
    /// "Tenure bands").
    pub fn id(self) -> &'static str {
        match self {
            CommitmentBand::Lt1 => "lt1",
            CommitmentBand::Y1To3 => "1-3",
            CommitmentBand::Y3To5 => "3-5",
            CommitmentBand::Y5To10 => "5-10",
            CommitmentBand::Y10To15 => "10-15",
            CommitmentBand::Gt15 => "gt15",
        }
    }

    /// The label of Table Б.6.
    pub fn label(self) -> &'static str {
        match self {
            CommitmentBand::Lt1 => ru::COMMITMENT_BAND_LABELS[0],
            CommitmentBand::Y1To3 => ru::COMMITMENT_BAND_LABELS[1],
            CommitmentBand::Y3To5 => ru::COMMITMENT_BAND_LABELS[2],
            CommitmentBand::Y5To10 => ru::COMMITMENT_BAND_LABELS[3],
            CommitmentBand::Y10To15 => ru::COMMITMENT_BAND_LABELS[4],
            CommitmentBand::Gt15 => ru::COMMITMENT_BAND_LABELS[5],
        }
    }

    /// The phrase used inside a sentence ("со стажем работы …").
    pub fn phrase(self) -> &'static str {
        match self {
            CommitmentBand::Lt1 => ru::COMMITMENT_BAND_PHRASES[0],
            CommitmentBand::Y1To3 => ru::COMMITMENT_BAND_PHRASES[1],
            CommitmentBand::Y3To5 => ru::COMMITMENT_BAND_PHRASES[2],
            CommitmentBand::Y5To10 => ru::COMMITMENT_BAND_PHRASES[3],
            CommitmentBand::Y10To15 => ru::COMMITMENT_BAND_PHRASES[4],
            CommitmentBand::Gt15 => ru::COMMITMENT_BAND_PHRASES[5],
        }
    }
}

/// The tenure groups of satisfaction reports (question 19 of Table В.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SatisfactionBand {
    /// до 1 года
    Lt1,
    /// от 1 года до 3 лет
    Y1To3,
    /// от 3 до 5 лет
    Y3To5,
    /// от 5 до 10 лет
    Y5To10,
    /// от 10 до 20 лет
    Y10To20,
    /// свыше 20 лет
    Gt20,
}

impl SatisfactionBand {
    /// All groups in the order of question 19.
    pub const ALL: [SatisfactionBand; 6] = [
        SatisfactionBand::Lt1,
        SatisfactionBand::Y1To3,
        SatisfactionBand::Y3To5,
        SatisfactionBand::Y5To10,
        SatisfactionBand::Y10To20,
        SatisfactionBand::Gt20,
    ];

    /// The stored tenure of a form that ticked this option of question 19:
    /// a fine band, or 10–15 to 15–20 for «от 10 до 20 лет».
    pub fn tenure(self) -> Tenure {
        match self {
            SatisfactionBand::Lt1 => Tenure::fine(FineBand::Lt1),
            SatisfactionBand::Y1To3 => Tenure::fine(FineBand::Y1To3),
            SatisfactionBand::Y3To5 => Tenure::fine(FineBand::Y3To5),
            SatisfactionBand::Y5To10 => Tenure::fine(FineBand::Y5To10),
            SatisfactionBand::Y10To20 => Tenure::Range {
                from: FineBand::Y10To15,
                to: FineBand::Y15To20,
            },
            SatisfactionBand::Gt20 => Tenure::fine(FineBand::Gt20),
        }
    }

    fn of_fine(band: FineBand) -> SatisfactionBand {
        match band {
            FineBand::Lt1 => SatisfactionBand::Lt1,
            FineBand::Y1To3 => SatisfactionBand::Y1To3,
            FineBand::Y3To5 => SatisfactionBand::Y3To5,
            FineBand::Y5To10 => SatisfactionBand::Y5To10,
            FineBand::Y10To15 | FineBand::Y15To20 => SatisfactionBand::Y10To20,
            FineBand::Gt20 => SatisfactionBand::Gt20,
        }
    }

    /// The report-band id (`lt1`, `1-3`, … `gt20`; docs/methodology.md,
    /// "Tenure bands").
    pub fn id(self) -> &'static str {
        match self {
            SatisfactionBand::Lt1 => "lt1",
            SatisfactionBand::Y1To3 => "1-3",
            SatisfactionBand::Y3To5 => "3-5",
            SatisfactionBand::Y5To10 => "5-10",
            SatisfactionBand::Y10To20 => "10-20",
            SatisfactionBand::Gt20 => "gt20",
        }
    }

    /// The label of question 19 (Table В.1).
    pub fn label(self) -> &'static str {
        match self {
            SatisfactionBand::Lt1 => ru::SATISFACTION_BAND_LABELS[0],
            SatisfactionBand::Y1To3 => ru::SATISFACTION_BAND_LABELS[1],
            SatisfactionBand::Y3To5 => ru::SATISFACTION_BAND_LABELS[2],
            SatisfactionBand::Y5To10 => ru::SATISFACTION_BAND_LABELS[3],
            SatisfactionBand::Y10To20 => ru::SATISFACTION_BAND_LABELS[4],
            SatisfactionBand::Gt20 => ru::SATISFACTION_BAND_LABELS[5],
        }
    }
}

impl Tenure {
    /// The cell value the import template is written with on export, read
    /// back by [`parse_tenure`] as this same tenure: a fine band id, the
    /// label that names a range of bands, or "" when unknown.
    pub fn template_value(self) -> String {
        match self {
            Tenure::Unknown => String::new(),
            Tenure::Range { from, to } if from == to => from.id().to_owned(),
            Tenure::Range { from, to } => LABELS
                .iter()
                .find(|(_, f, t)| *f == Some(from) && t.unwrap_or(from) == to)
                .map_or_else(|| self.storage_id(), |(label, _, _)| (*label).to_owned()),
        }
    }
}

/// Which instrument's bands a tenure label must determine: a label is
/// accepted only where it determines the band the instrument needs
/// (docs/methodology.md, "Tenure bands").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TenureNeed {
    /// Table Б.6 bands (commitment).
    Commitment,
    /// Question 19 bands (satisfaction).
    Satisfaction,
    /// Any band: the culture questionnaire has no tenure question of its
    /// own, so every label of either instrument is accepted and kept as the
    /// range of fine bands it names.
    Any,
}

/// Parses a tenure cell of the import template: empty, a fine band id, a
/// number of years (decimal point or comma), or a Russian label. Returns
/// `None` when the cell is none of these, or names a range that does not
/// determine the band `need` asks for.
pub fn parse_tenure(cell: &str, need: TenureNeed) -> Option<Tenure> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Some(Tenure::Unknown);
    }
    // Fast path for the common machine-written forms: exact fine band ids.
    if let Some(band) = FineBand::ALL.iter().find(|b| b.id() == cell) {
        return Some(Tenure::fine(*band));
    }
    if let Some(years) = parse_years(cell) {
        return FineBand::from_years(years).map(Tenure::fine);
    }
    let key = normalize_label(cell);
    if let Some(band) = FineBand::ALL.iter().find(|b| b.id() == key) {
        return Some(Tenure::fine(*band));
    }
    let tenure = normalized_labels()
        .iter()
        .find(|(label, _, _)| *label == key)
        .map(|&(_, from, to)| match from {
            None => Tenure::Unknown,
            Some(from) => Tenure::Range {
                from,
                to: to.unwrap_or(from),
            },
        })?;
    let determined = match need {
        TenureNeed::Commitment => tenure.commitment_band().is_some(),
        TenureNeed::Satisfaction => tenure.satisfaction_band().is_some(),
        TenureNeed::Any => true,
    };
    (tenure == Tenure::Unknown || determined).then_some(tenure)
}

/// Reads a tenure stored by [`Tenure::storage_id`].
pub fn parse_storage_id(id: &str) -> Option<Tenure> {
    if id.is_empty() {
        return Some(Tenure::Unknown);
    }
    let band = |s: &str| FineBand::ALL.into_iter().find(|b| b.id() == s);
    match id.split_once("..") {
        None => band(id).map(Tenure::fine),
        Some((a, b)) => {
            let (from, to) = (band(a)?, band(b)?);
            (from <= to).then_some(Tenure::Range { from, to })
        }
    }
}

/// The longest tenure a cell may state, in years.
pub const MAX_TENURE_YEARS: f64 = 70.0;

fn parse_years(cell: &str) -> Option<f64> {
    let bytes = cell.as_bytes();
    let numeric = !bytes.is_empty()
        && bytes
            .iter()
            .all(|b| b.is_ascii_digit() || *b == b'.' || *b == b',' || *b == b'-')
        && bytes.iter().any(u8::is_ascii_digit)
        && !cell[1..].contains('-');
    if !numeric {
        return None;
    }
    cell.replace(',', ".").parse::<f64>().ok()
}

type LabelEntry = (String, Option<FineBand>, Option<FineBand>);

/// [`LABELS`] normalized once.
fn normalized_labels() -> &'static [LabelEntry] {
    static CELL: std::sync::OnceLock<Vec<LabelEntry>> = std::sync::OnceLock::new();
    CELL.get_or_init(|| {
        LABELS
            .iter()
            .map(|&(label, from, to)| (normalize_label(label), from, to))
            .collect()
    })
}

/// Case, spaces and the kind of dash do not matter (docs/methodology.md,
/// "The import template").
fn normalize_label(label: &str) -> String {
    label
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '–' | '—' | '‐' | '−' => '-',
            'ё' | 'Ё' => 'е',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

use FineBand as F;

/// Every accepted label with the fine bands it covers (`None` = unknown).
const LABELS: &[(&str, Option<FineBand>, Option<FineBand>)] = &[
    // Table Б.6.
    ("до года", Some(F::Lt1), None),
    ("1-3 лет", Some(F::Y1To3), None),
    ("3-5 лет", Some(F::Y3To5), None),
    ("5-10 лет", Some(F::Y5To10), None),
    ("10-15 лет", Some(F::Y10To15), None),
    ("Свыше 15 лет", Some(F::Y15To20), Some(F::Gt20)),
    ("Не указали стаж", None, None),
    ("не указано", None, None),
    // Question 19 of Table В.1.
    ("до 1 года", Some(F::Lt1), None),
    ("от 1 года до 3 лет", Some(F::Y1To3), None),
    ("от 3 до 5 лет", Some(F::Y3To5), None),
    ("от 5 до 10 лет", Some(F::Y5To10), None),
    ("от 10 до 20 лет", Some(F::Y10To15), Some(F::Y15To20)),
    ("свыше 20 лет", Some(F::Gt20), None),
    // Klimat's own labels for the two bands the methodology does not print.
    ("от 10 до 15 лет", Some(F::Y10To15), None),
    ("от 15 до 20 лет", Some(F::Y15To20), None),
    // The report-band ids (docs/methodology.md, "Tenure bands"), accepted
    // where they determine the band.
    ("gt15", Some(F::Y15To20), Some(F::Gt20)),
    ("10-20", Some(F::Y10To15), Some(F::Y15To20)),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn check(cell: &str, need: TenureNeed, expected: Option<&str>) {
        let got = parse_tenure(cell, need).map(Tenure::storage_id);
        assert_eq!(
            got.as_deref(),
            expected,
            "tenure cell {cell:?} for {need:?}"
        );
    }

    #[test]
    fn years_fall_into_half_open_bands() {
        use TenureNeed::Commitment as C;
        check("0", C, Some("lt1"));
        check("0,99", C, Some("lt1"));
        check("1", C, Some("1-3"));
        check("2.9", C, Some("1-3"));
        check("3", C, Some("3-5"));
        check("5", C, Some("5-10"));
        check("10", C, Some("10-15"));
        check("14,5", C, Some("10-15"));
        check("15", C, Some("15-20"));
        check("19.99", C, Some("15-20"));
        check("20", C, Some("gt20"));
        check("45", C, Some("gt20"));
        check("-1", C, None);
        check("1-", C, None);
    }

    #[test]
    fn labels_are_accepted_only_where_they_determine_the_band() {
        use TenureNeed::{Commitment as C, Satisfaction as S};
        check("Свыше 15 лет", C, Some("15-20..gt20"));
        check("Свыше 15 лет", S, None);
        check("от 10 до 20 лет", S, Some("10-15..15-20"));
        check("от 10 до 20 лет", C, None);
        check("  ОТ 1 ГОДА ДО 3 ЛЕТ ", S, Some("1-3"));
        check("1–3 лет", C, Some("1-3"));
        check("1 - 3 лет", C, Some("1-3"));
        check("до года", S, Some("lt1"));
        check("Не указали стаж", S, Some(""));
        check("", C, Some(""));
        check("10-15", C, Some("10-15"));
        check("10-15", S, Some("10-15"));
        check("много", C, None);
    }
}
