//! Answers and form content as JSON: the `answers` column, the change log
//! and exchange files all use this one canonical form, so equal content is
//! equal text.

use klimat_core::Instrument;
use klimat_core::commitment::CommitmentAnswers;
use klimat_core::culture::{CultureForm, RatingPair};
use klimat_core::satisfaction::{Choice, SatisfactionAnswers};
use klimat_core::tenure::parse_storage_id;
use klimat_core::text::methodology::{CULTURE_N7_ACTORS, CULTURE_N7_TECH};
use serde_json::{Value, json};

use crate::model::{Answers, FormData};

fn bit_words(bits: u8, list: &[&'static str; 3]) -> Value {
    Value::from(
        (0..3)
            .filter(|i| bits >> i & 1 == 1)
            .map(|i| list[i])
            .collect::<Vec<_>>(),
    )
}

/// The answers as JSON.
pub fn answers_to_json(answers: &Answers) -> Value {
    match answers {
        Answers::Commitment(a) => json!(a.0),
        Answers::Satisfaction(a) => json!(a.0.iter().map(|c| c.letter()).collect::<Vec<_>>()),
        Answers::Culture(f) => json!({
            "open": f.open,
            "cohesion": f.cohesion.iter().map(|p| [p.sub, p.org]).collect::<Vec<_>>(),
            "cohesion_other": f.cohesion_other,
            "level": f.level.iter().map(|p| [p.sub, p.org]).collect::<Vec<_>>(),
            "negative": f.negative,
            "n7_actors": bit_words(f.n7_actors, &CULTURE_N7_ACTORS),
            "n7_tech": bit_words(f.n7_tech, &CULTURE_N7_TECH),
            "negative_other": f.negative_other,
        }),
    }
}

/// [`answers_to_json`] as text, the same bytes; the commitment and
/// satisfaction answers are written without building a `Value` (an import
/// writes 10⁵ of them).
pub(crate) fn answers_text(answers: &Answers) -> String {
    let direct = match answers {
        Answers::Commitment(a) => serde_json::to_string(&a.0),
        Answers::Satisfaction(a) => {
            serde_json::to_string(&a.0.iter().map(|c| c.letter()).collect::<Vec<_>>())
        }
        Answers::Culture(_) => return answers_to_json(answers).to_string(),
    };
    direct.unwrap_or_else(|_| answers_to_json(answers).to_string())
}

fn rating(v: &Value) -> Option<u8> {
    let r = u8::try_from(v.as_u64()?).ok()?;
    (r <= 5).then_some(r)
}

fn pairs<const N: usize>(v: &Value) -> Option<[RatingPair; N]> {
    let arr = v.as_array()?;
    if arr.len() != N {
        return None;
    }
    let mut out = [RatingPair::default(); N];
    for (o, p) in out.iter_mut().zip(arr) {
        *o = RatingPair {
            sub: rating(p.get(0)?)?,
            org: rating(p.get(1)?)?,
        };
    }
    Some(out)
}

fn bits(v: &Value, list: &[&str; 3]) -> Option<u8> {
    let mut b = 0;
    for w in v.as_array()? {
        b |= 1 << list.iter().position(|x| Some(*x) == w.as_str())?;
    }
    Some(b)
}

/// Reads answers of `instrument` from JSON; `None` when malformed.
pub fn answers_from_json(instrument: Instrument, v: &Value) -> Option<Answers> {
    Some(match instrument {
        Instrument::Commitment => {
            let arr = v.as_array()?;
            let mut points = [0u8; 15];
            if arr.len() != 15 {
                return None;
            }
            for (p, x) in points.iter_mut().zip(arr) {
                *p = rating(x)?;
            }
            Answers::Commitment(CommitmentAnswers(points))
        }
        Instrument::Satisfaction => {
            let arr = v.as_array()?;
            if arr.len() != 18 {
                return None;
            }
            let mut a = [Choice::Blank; 18];
            for (c, x) in a.iter_mut().zip(arr) {
                *c = Choice::parse(x.as_str()?)?;
            }
            Answers::Satisfaction(SatisfactionAnswers(a))
        }
        Instrument::Culture => {
            let mut f = CultureForm::default();
            let open = v.get("open")?.as_array()?;
            if open.len() != 8 {
                return None;
            }
            for (o, x) in f.open.iter_mut().zip(open) {
                *o = [
                    x.get(0)?.as_str()?.to_owned(),
                    x.get(1)?.as_str()?.to_owned(),
                ];
            }
            f.cohesion = pairs(v.get("cohesion")?)?;
            f.cohesion_other = v.get("cohesion_other")?.as_str()?.to_owned();
            f.level = pairs(v.get("level")?)?;
            let neg = v.get("negative")?.as_array()?;
            if neg.len() != 8 {
                return None;
            }
            for (n, x) in f.negative.iter_mut().zip(neg) {
                *n = rating(x)?;
            }
            f.n7_actors = bits(v.get("n7_actors")?, &CULTURE_N7_ACTORS)?;
            f.n7_tech = bits(v.get("n7_tech")?, &CULTURE_N7_TECH)?;
            f.negative_other = v.get("negative_other")?.as_str()?.to_owned();
            Answers::Culture(Box::new(f))
        }
    })
}

/// The canonical JSON text of a form's content (log, exchange, conflicts).
pub fn content_json(data: &FormData) -> String {
    content_json_with(data, &answers_text(&data.answers))
}

/// [`content_json`] around answers already written as JSON, by hand: the
/// keys in the order `serde_json` sorts them, each string escaped by it, so
/// the same bytes and the same fingerprints as a `serde_json::Value`
/// would give, without building one.
fn content_json_with(data: &FormData, answers: &str) -> String {
    let string = |s: &str| serde_json::to_string(s).unwrap_or_default();
    let optional = |s: &Option<String>| s.as_deref().map_or_else(|| "null".to_owned(), string);
    format!(
        r#"{{"answers":{answers},"code":{},"instrument":{},"position":{},"subdivision":{},"tenure":{}}}"#,
        string(&data.code),
        string(data.answers.instrument().id()),
        optional(&data.position),
        optional(&data.subdivision),
        string(&data.tenure.storage_id()),
    )
}

/// Reads [`content_json`] back.
pub fn content_from_json(v: &Value) -> Option<FormData> {
    let instrument = Instrument::from_id(v.get("instrument")?.as_str()?)?;
    let opt = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
    Some(FormData {
        code: v.get("code")?.as_str()?.to_owned(),
        tenure: parse_storage_id(v.get("tenure")?.as_str()?)?,
        subdivision: opt("subdivision"),
        position: opt("position"),
        answers: answers_from_json(instrument, v.get("answers")?)?,
    })
}

/// A short stable fingerprint of content text (FNV-1a, 64 bits, hex): the
/// versions a form went through, as exchange files list them.
pub fn fingerprint(content: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in content.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use klimat_core::tenure::Tenure;

    /// The content as `serde_json` writes it from a `Value` (its keys
    /// sorted): what [`content_json`] wrote before it was written by hand,
    /// and what the fingerprints of stored exchange files were made from.
    fn by_value(data: &FormData) -> String {
        json!({
            "instrument": data.answers.instrument().id(),
            "code": data.code,
            "tenure": data.tenure.storage_id(),
            "subdivision": data.subdivision,
            "position": data.position,
            "answers": answers_to_json(&data.answers),
        })
        .to_string()
    }

    #[test]
    fn content_is_byte_for_byte_what_serde_json_writes() {
        let mut culture = CultureForm::default();
        culture.open[0][0] = "«Мы» \"команда\"\n\t\\ и ещё 😀".to_owned();
        culture.cohesion_other = "наставничество".to_owned();
        let forms = [
            FormData {
                code: "А-1 \"x\"".to_owned(),
                tenure: parse_storage_id("1-3").unwrap(),
                subdivision: Some("Отдел\u{0}кадров".to_owned()),
                position: None,
                answers: Answers::Commitment(CommitmentAnswers([3; 15])),
            },
            FormData {
                code: String::new(),
                tenure: Tenure::Unknown,
                subdivision: None,
                position: Some("Специалист".to_owned()),
                answers: Answers::Satisfaction({
                    let mut a = SatisfactionAnswers::default();
                    a.0[0] = Choice::A;
                    a.0[7] = Choice::V;
                    a
                }),
            },
            FormData {
                code: "К-7".to_owned(),
                tenure: parse_storage_id("3-5..gt20").unwrap(),
                subdivision: Some("Бухгалтерия".to_owned()),
                position: Some("Руководитель".to_owned()),
                answers: Answers::Culture(Box::new(culture)),
            },
        ];
        for f in &forms {
            assert_eq!(content_json(f), by_value(f));
            assert_eq!(
                answers_text(&f.answers),
                answers_to_json(&f.answers).to_string()
            );
        }
    }
}
