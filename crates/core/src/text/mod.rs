//! Every user-facing string of the core, one module per language.
//!
//! [`methodology`] holds the texts quoted from the methodology (the same in
//! every interface language, since the questionnaires are official Russian
//! documents); [`ru`] holds Klimat's own Russian labels, messages and the
//! generator of written conclusions.

pub mod methodology;
pub mod ru;
