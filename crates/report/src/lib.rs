//! Klimat's reports: the annual report as PDF and XLSX, and blank forms.
//!
//! A pipeline of pure stages: [`ReportInput`] (plain values computed by the
//! core from the forms; no database handle) → [`build`] → [`ReportModel`]
//! (sections of paragraphs, tables and charts) → [`pdf::render`] or
//! [`xlsx::render`] → bytes. [`forms::render`] gives a blank questionnaire.

#![forbid(unsafe_code)]

mod build;
pub mod docx;
pub mod forms;
mod input;
pub mod key;
pub mod model;
pub mod pdf;
pub mod slips;
mod summary;
pub mod svg;
pub mod text;
pub mod typo;
pub mod xlsx;

pub use build::build;
pub use input::{
    CommitmentData, CultureData, FormRow, PreviousGroup, PreviousSurvey, ReportInput,
    SatisfactionData, Signatory, Signatures, Staff, SurveyInfo, VerificationRow,
};
pub use model::ReportModel;
