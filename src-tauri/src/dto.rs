//! Transport types of the IPC boundary, converted by hand from the
//! crates' types (serialization stays at the edge).

use klimat_report::model::{Block, ReportModel};
use klimat_store::{StoredForm, Survey};
use serde::{Deserialize, Serialize};

/// A survey as the UI lists and edits it.
#[derive(Serialize)]
pub struct SurveyDto {
    id: i64,
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
}

impl From<Survey> for SurveyDto {
    fn from(s: Survey) -> Self {
        let st = s.settings;
        Self {
            id: s.id,
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

/// A stored form: its canonical content and bookkeeping.
#[derive(Serialize)]
pub struct FormDto {
    uuid: String,
    content: serde_json::Value,
    entry: &'static str,
    created_at: String,
    updated_at: String,
}

impl From<StoredForm> for FormDto {
    fn from(f: StoredForm) -> Self {
        Self {
            content: serde_json::from_str(&klimat_store::content_json(&f.data))
                .unwrap_or(serde_json::Value::Null),
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
    },
    /// A chart as SVG, drawn from the same model as the PDF.
    Chart { caption: String, svg: String },
}

/// A section of the results screen.
#[derive(Serialize)]
pub struct SectionDto {
    title: String,
    blocks: Vec<BlockDto>,
}

/// The results screen: the report model, as the screen shows it.
#[derive(Serialize)]
pub struct ResultsDto {
    facts: Vec<String>,
    sections: Vec<SectionDto>,
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
                                caption: t.caption.clone(),
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
                            },
                            Block::Chart(c) => BlockDto::Chart {
                                caption: c.caption.clone(),
                                svg: klimat_report::svg::render(c),
                            },
                        })
                    })
                    .collect(),
            })
            .collect();
        Self {
            facts: m.title.facts.clone(),
            sections,
        }
    }
}
