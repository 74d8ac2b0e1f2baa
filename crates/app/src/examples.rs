//! The example survey a newcomer (or a trainer) opens with one button: the
//! methodology's worked example of Table Б.2 (120 commitment forms) with
//! the bundled satisfaction and culture samples, as a survey marked as the
//! example and removable in one step.

use chrono::NaiveDate;
use klimat_core::Instrument;
use klimat_store::{Db, SurveySettings};

use crate::error::Result;
use crate::text;

use klimat_store::keys::EXAMPLE_SURVEY as SETTING;

/// The forms of the example, built into the program.
const FILES: [&[u8]; 3] = [
    include_bytes!("../../../samples/commitment.csv"),
    include_bytes!("../../../samples/satisfaction.csv"),
    include_bytes!("../../../samples/culture.csv"),
];

/// The example survey's id, if it is there.
///
/// The setting holds the example's UUID, which no other survey can ever
/// have. Klimat before schema 8 wrote the example's id instead, and a
/// deleted example's id could go to the next survey: such a setting is
/// trusted only while it names a survey that still is the example (its
/// name and organization), and is rewritten as that survey's UUID;
/// otherwise it is dropped, and no real survey is ever taken for the
/// example.
///
/// # Errors
/// The store's.
pub fn example_id(db: &Db) -> Result<Option<i64>> {
    let Some(value) = db.setting(SETTING)? else {
        return Ok(None);
    };
    if let Ok(legacy) = value.parse::<i64>() {
        let example = db.survey(legacy).ok().filter(|s| {
            s.settings.name == text::EXAMPLE_NAME
                && s.settings.organization.as_deref() == Some(text::EXAMPLE_ORGANIZATION)
        });
        return Ok(match example {
            Some(s) => {
                db.set_setting(SETTING, &s.uuid)?;
                Some(s.id)
            }
            None => {
                db.delete_setting(SETTING)?;
                None
            }
        });
    }
    Ok(db
        .surveys()?
        .into_iter()
        .find(|s| s.uuid == value)
        .map(|s| s.id))
}

/// Opens the example survey, creating it the first time; returns its id.
///
/// # Errors
/// The store's.
pub fn open_example(db: &mut Db, today: NaiveDate) -> Result<i64> {
    if let Some(id) = example_id(db)? {
        return Ok(id);
    }
    let mut settings = SurveySettings::new(text::EXAMPLE_NAME, today, Instrument::ALL.to_vec());
    settings.organization = Some(text::EXAMPLE_ORGANIZATION.to_owned());
    settings.subdivisions = text::EXAMPLE_SUBDIVISIONS
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    let id = db.create_survey(&settings)?;
    let imported = (|| -> Result<()> {
        for bytes in FILES {
            let file = klimat_store::import::read_template(bytes, None)?;
            db.import(id, &file, &mut |_, _| {})?;
        }
        Ok(())
    })();
    if let Err(e) = imported {
        db.delete_survey(id)?;
        return Err(e);
    }
    db.set_setting(SETTING, &db.survey(id)?.uuid)?;
    Ok(id)
}

/// Removes the example survey and its forms.
///
/// # Errors
/// The store's.
pub fn remove_example(db: &mut Db) -> Result<()> {
    if let Some(id) = example_id(db)? {
        db.delete_survey(id)?;
    }
    Ok(())
}
