//! Transport types of the IPC boundary, converted by hand from the
//! crates' types (serialization stays at the edge).

use klimat_core::Instrument;
use klimat_report::model::{Block, ReportModel};
use klimat_store::{Answers, FormData, StoredForm, Survey};
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ApiResult};
use crate::text;

/// A survey as the UI lists and edits it.
#[derive(Serialize)]
pub struct SurveyDto {
    id: i64,
    /// The survey's UUID: the window keys a screen's state by it, since it
    /// changes whenever the survey does (a restore, a delete and create).
    uuid: String,
    name: String,
    organization: Option<String>,
    date: String,
    date_text: String,
    instruments: Vec<&'static str>,
    satisfaction_key: &'static str,
    subdivisions: Vec<String>,
    positions: Vec<String>,
    anonymity_threshold: u32,
    archived: bool,
    form_counts: [u64; 3],
    /// The example survey of the first start.
    example: bool,
}

impl SurveyDto {
    /// A survey; `example` is the example survey's id, if any.
    pub fn new(s: Survey, example: Option<i64>) -> Self {
        let st = s.settings;
        Self {
            example: example == Some(s.id),
            id: s.id,
            uuid: s.uuid,
            name: st.name,
            organization: st.organization,
            date: st.date.format("%Y-%m-%d").to_string(),
            date_text: st.date.format("%d.%m.%Y").to_string(),
            instruments: st.instruments.iter().map(|i| i.id()).collect(),
            satisfaction_key: st.satisfaction_key.id(),
            subdivisions: st.subdivisions,
            positions: st.positions,
            anonymity_threshold: st.anonymity_threshold,
            archived: s.archived,
            form_counts: s.form_counts,
        }
    }
}

/// A survey as the UI sends it.
#[derive(Deserialize)]
pub struct SurveyInput {
    name: String,
    organization: Option<String>,
    date: String,
    instruments: Vec<String>,
    satisfaction_key: String,
    subdivisions: Vec<String>,
    positions: Vec<String>,
    anonymity_threshold: u32,
}

impl From<SurveyInput> for klimat_app::surveys::SurveyRequest {
    /// The request as typed; `klimat_app` checks it (an unknown key is
    /// refused there, never replaced by the default).
    fn from(s: SurveyInput) -> Self {
        Self {
            name: s.name,
            organization: s.organization,
            date: Some(s.date),
            instruments: s.instruments,
            satisfaction_key: Some(s.satisfaction_key),
            subdivisions: s.subdivisions,
            positions: Some(s.positions),
            anonymity_threshold: Some(s.anonymity_threshold),
        }
    }
}

/// A form's content as the page sends and receives it. This is the
/// window's own protocol, converted by hand to and from the store's
/// [`FormData`]: a change to how forms are stored does not change it.
#[derive(Serialize, Deserialize)]
pub struct FormContentDto {
    instrument: String,
    code: String,
    /// A stored tenure id (`lt1`, `15-20..gt20`, "" for none).
    tenure: String,
    subdivision: Option<String>,
    position: Option<String>,
    answers: AnswersDto,
}

/// The answers of a form, by questionnaire.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
pub enum AnswersDto {
    /// Commitment: fifteen points 1–5, 0 for no answer.
    Points(Vec<u8>),
    /// Satisfaction: eighteen letters «а», «б», «в», "" for no answer.
    Letters(Vec<String>),
    /// Culture.
    Culture(Box<CultureDto>),
}

/// The culture form (Tables А.1–А.4) as the page edits it.
#[derive(Serialize, Deserialize)]
pub struct CultureDto {
    open: Vec<[String; 2]>,
    cohesion: Vec<[u8; 2]>,
    cohesion_other: String,
    level: Vec<[u8; 2]>,
    negative: Vec<u8>,
    n7_actors: Vec<String>,
    n7_tech: Vec<String>,
    negative_other: String,
}

fn words(bits: u8, list: &[&str; 3]) -> Vec<String> {
    (0..3)
        .filter(|i| bits >> i & 1 == 1)
        .map(|i| list[i].to_owned())
        .collect()
}

fn bits(words: &[String], list: &[&str; 3]) -> Option<u8> {
    words
        .iter()
        .try_fold(0u8, |b, w| Some(b | 1 << list.iter().position(|x| x == w)?))
}

fn rating(r: u8) -> Option<u8> {
    (r <= 5).then_some(r)
}

fn array<T: Copy + Default, const N: usize>(v: &[T]) -> Option<[T; N]> {
    <[T; N]>::try_from(v).ok()
}

impl From<&FormData> for FormContentDto {
    fn from(f: &FormData) -> Self {
        use klimat_core::text::methodology::{CULTURE_N7_ACTORS, CULTURE_N7_TECH};
        Self {
            instrument: f.answers.instrument().id().to_owned(),
            code: f.code.clone(),
            tenure: f.tenure.storage_id(),
            subdivision: f.subdivision.clone(),
            position: f.position.clone(),
            answers: match &f.answers {
                Answers::Commitment(a) => AnswersDto::Points(a.0.to_vec()),
                Answers::Satisfaction(a) => {
                    AnswersDto::Letters(a.0.iter().map(|c| c.letter().to_owned()).collect())
                }
                Answers::Culture(c) => AnswersDto::Culture(Box::new(CultureDto {
                    open: c.open.to_vec(),
                    cohesion: c.cohesion.iter().map(|p| [p.sub, p.org]).collect(),
                    cohesion_other: c.cohesion_other.clone(),
                    level: c.level.iter().map(|p| [p.sub, p.org]).collect(),
                    negative: c.negative.to_vec(),
                    n7_actors: words(c.n7_actors, &CULTURE_N7_ACTORS),
                    n7_tech: words(c.n7_tech, &CULTURE_N7_TECH),
                    negative_other: c.negative_other.clone(),
                })),
            },
        }
    }
}

impl FormContentDto {
    /// The form the page sent, checked for shape (the store checks the
    /// survey's rules).
    ///
    /// # Errors
    /// `invalid` when a value is out of its range or a list has the wrong
    /// length.
    pub fn into_form(self) -> ApiResult<FormData> {
        use klimat_core::commitment::CommitmentAnswers;
        use klimat_core::culture::{CultureForm, RatingPair};
        use klimat_core::satisfaction::{Choice, SatisfactionAnswers};
        use klimat_core::text::methodology::{CULTURE_N7_ACTORS, CULTURE_N7_TECH};
        let bad = || ApiError::new("invalid", text::BAD_FORM);
        let instrument = crate::commands::instrument(&self.instrument)?;
        let answers = match (instrument, self.answers) {
            (Instrument::Commitment, AnswersDto::Points(p)) => {
                let points = p.iter().map(|&r| rating(r)).collect::<Option<Vec<_>>>();
                Answers::Commitment(CommitmentAnswers(
                    points.and_then(|p| array(&p)).ok_or_else(bad)?,
                ))
            }
            (Instrument::Satisfaction, AnswersDto::Letters(l)) => {
                let choices = l
                    .iter()
                    .map(|c| Choice::parse(c))
                    .collect::<Option<Vec<_>>>();
                Answers::Satisfaction(SatisfactionAnswers(
                    choices.and_then(|c| array(&c)).ok_or_else(bad)?,
                ))
            }
            (Instrument::Culture, AnswersDto::Culture(c)) => {
                let pairs = |v: &[[u8; 2]]| {
                    v.iter()
                        .map(|p| {
                            Some(RatingPair {
                                sub: rating(p[0])?,
                                org: rating(p[1])?,
                            })
                        })
                        .collect::<Option<Vec<_>>>()
                };
                let negative = c
                    .negative
                    .iter()
                    .map(|&r| rating(r))
                    .collect::<Option<Vec<_>>>();
                Answers::Culture(Box::new(CultureForm {
                    open: <[[String; 2]; 8]>::try_from(c.open).map_err(|_| bad())?,
                    cohesion: pairs(&c.cohesion).and_then(|p| array(&p)).ok_or_else(bad)?,
                    cohesion_other: c.cohesion_other,
                    level: pairs(&c.level).and_then(|p| array(&p)).ok_or_else(bad)?,
                    negative: negative.and_then(|n| array(&n)).ok_or_else(bad)?,
                    n7_actors: bits(&c.n7_actors, &CULTURE_N7_ACTORS).ok_or_else(bad)?,
                    n7_tech: bits(&c.n7_tech, &CULTURE_N7_TECH).ok_or_else(bad)?,
                    negative_other: c.negative_other,
                }))
            }
            _ => return Err(bad()),
        };
        Ok(FormData {
            code: self.code.trim().to_owned(),
            tenure: klimat_core::tenure::parse_storage_id(&self.tenure).ok_or_else(bad)?,
            subdivision: self.subdivision.filter(|s| !s.is_empty()),
            position: self.position.filter(|s| !s.is_empty()),
            answers,
        })
    }
}

/// A stored form: its content and bookkeeping, with the tenure as a
/// person reads it.
#[derive(Serialize)]
pub struct FormDto {
    uuid: String,
    content: FormContentDto,
    tenure_label: String,
    entry: &'static str,
    created_at: String,
    updated_at: String,
}

/// A page of the entry screen's list.
#[derive(Serialize)]
pub struct FormsPageDto {
    total: u64,
    matching: u64,
    forms: Vec<FormDto>,
}

impl From<klimat_store::FormsPage> for FormsPageDto {
    fn from(p: klimat_store::FormsPage) -> Self {
        Self {
            total: p.total,
            matching: p.matching,
            forms: p.forms.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<StoredForm> for FormDto {
    fn from(f: StoredForm) -> Self {
        Self {
            content: (&f.data).into(),
            tenure_label: f.data.tenure.label(),
            uuid: f.uuid,
            entry: f.entry.id(),
            created_at: f.created_at,
            updated_at: f.updated_at,
        }
    }
}

/// One block of the results screen.
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BlockDto {
    /// A subheading.
    Subheading { text: String },
    /// A paragraph.
    Paragraph { text: String },
    /// A list.
    Bullets { items: Vec<String> },
    /// A table, cells as displayed (Russian number format).
    Table {
        caption: String,
        columns: Vec<String>,
        rows: Vec<Vec<String>>,
        numeric: Vec<Vec<bool>>,
        /// Heatmap shades, −3…3 (0: none).
        shades: Vec<Vec<i8>>,
    },
    /// A chart as SVG, drawn from the same model as the PDF.
    Chart { caption: String, svg: String },
    /// A threat or warning, framed.
    Alert { text: String },
}

/// A section of the results screen.
#[derive(Serialize)]
pub struct SectionDto {
    title: String,
    blocks: Vec<BlockDto>,
}

/// A card of the results screen's headline.
#[derive(Serialize)]
pub struct HeadlineCardDto {
    title: &'static str,
    value: String,
    caption: &'static str,
    level: Option<String>,
    forms: u64,
    change: Option<String>,
    verdict: Option<&'static str>,
    threat: bool,
}

/// The results screen: the headline cards, then the report model as the
/// screen shows it.
#[derive(Serialize)]
pub struct ResultsDto {
    headline: Vec<HeadlineCardDto>,
    facts: Vec<String>,
    sections: Vec<SectionDto>,
}

impl From<&klimat_app::reports::Results> for ResultsDto {
    fn from(r: &klimat_app::reports::Results) -> Self {
        let mut dto = ResultsDto::from(&r.model);
        dto.headline = r
            .headline
            .iter()
            .map(|c| HeadlineCardDto {
                title: c.title,
                value: c.value.clone(),
                caption: c.caption,
                level: c.level.clone(),
                forms: c.forms,
                change: c.change.clone(),
                verdict: c.verdict,
                threat: c.threat,
            })
            .collect();
        dto
    }
}

impl From<&ReportModel> for ResultsDto {
    fn from(m: &ReportModel) -> Self {
        use klimat_report::model::Placement;
        let sections = m
            .sections
            .iter()
            .map(|s| SectionDto {
                title: s.title.clone(),
                blocks: s
                    .blocks
                    .iter()
                    .filter_map(|b| {
                        Some(match b {
                            Block::Subheading(t) => BlockDto::Subheading { text: t.clone() },
                            Block::Paragraph(t) => BlockDto::Paragraph { text: t.clone() },
                            Block::Bullets(items) => BlockDto::Bullets {
                                items: items.clone(),
                            },
                            Block::Table(t) if t.placement == Placement::WorkbookOnly => {
                                return None;
                            }
                            Block::Table(t) => BlockDto::Table {
                                caption: t.title(),
                                columns: t.columns.iter().map(|c| c.title.clone()).collect(),
                                rows: t
                                    .rows
                                    .iter()
                                    .map(|r| r.iter().map(|c| c.display()).collect())
                                    .collect(),
                                numeric: t
                                    .rows
                                    .iter()
                                    .map(|r| r.iter().map(|c| c.is_numeric()).collect())
                                    .collect(),
                                shades: t
                                    .rows
                                    .iter()
                                    .map(|r| r.iter().map(|c| c.shade().unwrap_or(0)).collect())
                                    .collect(),
                            },
                            Block::Alert(t) => BlockDto::Alert { text: t.clone() },
                            // Signature blocks belong to the printed report.
                            Block::Signature(_) => return None,
                            Block::Chart(c) => BlockDto::Chart {
                                caption: c.title(),
                                svg: klimat_report::svg::render(c),
                            },
                        })
                    })
                    .collect(),
            })
            .collect();
        Self {
            headline: Vec::new(),
            facts: m.title.facts.clone(),
            sections,
        }
    }
}

/// The report settings of a survey, as the reports screen shows and sends
/// them: every value as typed.
#[derive(Serialize, Deserialize)]
pub struct ReportSettingsDto {
    /// Employees of the organization, blank if unknown.
    pub staff_total: String,
    /// Employees per subdivision of the survey's list, blank if unknown.
    pub staff: Vec<(String, String)>,
    /// Who prepared the report.
    pub prepared_position: String,
    /// Their name.
    pub prepared_name: String,
    /// Who approves it.
    pub approved_position: String,
    /// Their name.
    pub approved_name: String,
    /// The proposals.
    pub proposals: String,
}

impl ReportSettingsDto {
    /// The stored settings, with every subdivision of the survey listed.
    pub fn new(r: &klimat_store::ReportSettings, subdivisions: &[String]) -> Self {
        let person = |p: &Option<klimat_store::Person>| {
            p.as_ref().map_or((String::new(), String::new()), |p| {
                (p.position.clone(), p.name.clone())
            })
        };
        let (prepared_position, prepared_name) = person(&r.prepared_by);
        let (approved_position, approved_name) = person(&r.approved_by);
        Self {
            staff_total: r.staff_total.map_or(String::new(), |n| n.to_string()),
            staff: subdivisions
                .iter()
                .map(|s| {
                    let n = r
                        .staff
                        .iter()
                        .find(|(name, _)| name == s)
                        .map_or(String::new(), |(_, n)| n.to_string());
                    (s.clone(), n)
                })
                .collect(),
            prepared_position,
            prepared_name,
            approved_position,
            approved_name,
            proposals: r.proposals.clone(),
        }
    }
}

impl From<ReportSettingsDto> for klimat_app::surveys::ReportSettingsRequest {
    fn from(d: ReportSettingsDto) -> Self {
        Self {
            staff_total: Some(d.staff_total),
            staff: Some(
                d.staff
                    .into_iter()
                    .filter(|(_, n)| !n.trim().is_empty())
                    .map(|(s, n)| format!("{s}={n}"))
                    .collect::<Vec<_>>()
                    .join(";"),
            ),
            prepared_by: Some((d.prepared_position, d.prepared_name)),
            approved_by: Some((d.approved_position, d.approved_name)),
            proposals: Some(d.proposals),
        }
    }
}
