//! The pages the employee sees, rendered on the server: plain HTML forms
//! that work in any browser of an office PC, with no script and no
//! resource from elsewhere (one style sheet of our own), large type,
//! keyboard usable (labels on every control, the natural tab order).

use std::collections::HashMap;
use std::fmt::Write;

use klimat_core::Instrument;
use klimat_core::tenure::{Tenure, TenureNeed};
use klimat_core::text::methodology as m;

use crate::text as t;

/// The values a page was submitted with, by field name (several for the
/// checkboxes of item 7).
pub type Values = HashMap<String, Vec<String>>;

/// The survey as the pages need it.
#[derive(Clone, Debug)]
pub struct SurveyView {
    /// «Диагностика 2026».
    pub name: String,
    /// The organization, if named.
    pub organization: Option<String>,
    /// Its questionnaires.
    pub instruments: Vec<Instrument>,
    /// Its subdivisions.
    pub subdivisions: Vec<String>,
    /// Its position categories.
    pub positions: Vec<String>,
}

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The style sheet, served as `/style.css` (the CSP allows no inline style).
pub const STYLE: &str = "\
body{font-family:Arial,Helvetica,sans-serif;font-size:20px;line-height:1.45;color:#111;background:#f6f7f9;margin:0}
main{max-width:960px;margin:0 auto;padding:16px 24px 48px;background:#fff}
h1{font-size:28px;margin:12px 0}h2{font-size:24px;margin:24px 0 8px}
label{display:block;margin:6px 0}
input[type=text],select,textarea{font-size:20px;padding:6px;border:2px solid #555;border-radius:4px;max-width:100%}
textarea{width:100%;box-sizing:border-box}
input[type=radio],input[type=checkbox]{width:22px;height:22px;vertical-align:middle}
button{font-size:22px;padding:10px 22px;margin:12px 0;background:#2f5d8a;color:#fff;border:0;border-radius:6px;cursor:pointer}
button:focus,input:focus,select:focus,textarea:focus{outline:4px solid #f2b705}
fieldset{border:1px solid #bbb;border-radius:6px;margin:14px 0;padding:8px 14px}
legend{font-weight:bold;padding:0 4px}
.note{color:#444;font-size:17px}
.error{background:#fde8e7;border:2px solid #a8322d;padding:10px 14px;border-radius:6px}
.done{background:#e7f4e8;border:2px solid #2e7d32;padding:10px 14px;border-radius:6px}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:6px 8px;text-align:left;vertical-align:top}
.inline label{display:inline-block;margin-right:18px}
";

fn head(title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><link rel=\"stylesheet\" href=\"/style.css\"></head><body><main>",
        esc(title)
    )
}

const FOOT: &str = "</main></body></html>\n";

fn survey_heading(s: &SurveyView) -> String {
    let mut out = format!("<h1>{} «{}»</h1>", t::LANG_TITLE, esc(&s.name));
    if let Some(org) = &s.organization {
        let _ = write!(out, "<p>{}</p>", esc(org));
    }
    out
}

/// The first page: the code to type. `error` above the form when a code
/// was refused.
pub fn code_page(s: &SurveyView, error: Option<&str>) -> String {
    let mut out = head(&s.name);
    out.push_str(&survey_heading(s));
    if let Some(e) = error {
        let _ = write!(out, "<p class=\"error\" role=\"alert\">{}</p>", esc(e));
    }
    let _ = write!(
        out,
        "<form method=\"post\" action=\"/start\"><label for=\"access_code\">{}</label>\
         <input type=\"text\" id=\"access_code\" name=\"access_code\" autocomplete=\"off\" \
         autocapitalize=\"characters\" spellcheck=\"false\" maxlength=\"20\" required autofocus>\
         <p class=\"note\">{}</p><button type=\"submit\">{}</button></form><p class=\"note\">{}</p>",
        t::CODE_LABEL,
        t::CODE_HINT,
        t::CONTINUE,
        t::ANONYMITY
    );
    out.push_str(FOOT);
    out
}

fn choose_buttons(out: &mut String, code: &str, open: &[Instrument]) {
    for i in open {
        let _ = write!(
            out,
            "<form method=\"post\" action=\"/form\"><input type=\"hidden\" name=\"access_code\" value=\"{}\">\
             <input type=\"hidden\" name=\"instrument\" value=\"{}\">\
             <button type=\"submit\">{} «{}»</button></form>",
            esc(code),
            i.id(),
            t::FILL,
            esc(i.label())
        );
    }
}

/// The questionnaires a valid code still admits.
pub fn choose_page(s: &SurveyView, code: &str, open: &[Instrument]) -> String {
    let mut out = head(&s.name);
    out.push_str(&survey_heading(s));
    if open.is_empty() {
        let _ = write!(out, "<p class=\"done\">{}</p>", t::ALL_DONE);
    } else {
        let _ = write!(out, "<h2>{}</h2>", t::CHOOSE);
        choose_buttons(&mut out, code, open);
    }
    let _ = write!(out, "<p class=\"note\">{}</p>", t::ANONYMITY);
    out.push_str(FOOT);
    out
}

/// The page after a form is stored.
pub fn thanks_page(s: &SurveyView, code: &str, open: &[Instrument]) -> String {
    let mut out = head(&s.name);
    out.push_str(&survey_heading(s));
    let _ = write!(out, "<p class=\"done\" role=\"status\">{}</p>", t::THANKS);
    if open.is_empty() {
        let _ = write!(out, "<p>{}</p>", t::THANKS_CLOSE);
    } else {
        let _ = write!(out, "<p>{}</p>", t::THANKS_MORE);
        choose_buttons(&mut out, code, open);
    }
    out.push_str(FOOT);
    out
}

/// A page that only explains (a refused request), with a way back to the
/// first page.
pub fn message_page(s: Option<&SurveyView>, message: &str) -> String {
    let mut out = head(s.map_or(t::LANG_TITLE, |s| s.name.as_str()));
    if let Some(s) = s {
        out.push_str(&survey_heading(s));
    }
    let _ = write!(
        out,
        "<p class=\"error\" role=\"alert\">{}</p><p><a href=\"/\">{}</a></p>",
        esc(message),
        t::START_AGAIN
    );
    out.push_str(FOOT);
    out
}

fn value<'a>(values: &'a Values, name: &str) -> &'a str {
    values
        .get(name)
        .and_then(|v| v.first())
        .map_or("", String::as_str)
}

fn checked(values: &Values, name: &str, v: &str) -> &'static str {
    if values.get(name).is_some_and(|x| x.iter().any(|x| x == v)) {
        " checked"
    } else {
        ""
    }
}

fn select(
    out: &mut String,
    name: &str,
    label: &str,
    options: &[(String, String)],
    values: &Values,
) {
    let current = value(values, name);
    let _ = write!(
        out,
        "<label for=\"{name}\">{}</label><select id=\"{name}\" name=\"{name}\"><option value=\"\">{}</option>",
        esc(label),
        t::NOT_GIVEN
    );
    for (v, l) in options {
        let sel = if v == current { " selected" } else { "" };
        let _ = write!(out, "<option value=\"{}\"{sel}>{}</option>", esc(v), esc(l));
    }
    out.push_str("</select>");
}

/// A 1–5 rating as a select (two per row in Tables А.2 and А.3).
fn rating(out: &mut String, name: &str, label: &str, values: &Values) {
    let current = value(values, name);
    let _ = write!(
        out,
        "<select name=\"{name}\" aria-label=\"{}\"><option value=\"\">—</option>",
        esc(label)
    );
    for r in 1..=5 {
        let sel = if current == r.to_string() {
            " selected"
        } else {
            ""
        };
        let _ = write!(out, "<option value=\"{r}\"{sel}>{r}</option>");
    }
    out.push_str("</select>");
}

fn radios(
    out: &mut String,
    name: &str,
    legend: &str,
    options: &[(String, String)],
    values: &Values,
) {
    let _ = write!(out, "<fieldset><legend>{}</legend>", esc(legend));
    for (k, (v, l)) in options.iter().enumerate() {
        let id = format!("{name}_{k}");
        let _ = write!(
            out,
            "<label for=\"{id}\"><input type=\"radio\" id=\"{id}\" name=\"{name}\" value=\"{}\"{}> {}</label>",
            esc(v),
            checked(values, name, v),
            esc(l)
        );
    }
    out.push_str("</fieldset>");
}

fn paragraphs(out: &mut String, lines: &[&str]) {
    for l in lines {
        let _ = write!(out, "<p>{}</p>", esc(l));
    }
}

/// A questionnaire to fill: the methodology's greeting and questions,
/// verbatim, the survey's demographic questions, and the values already
/// given when it comes back refused (`errors` above it).
pub fn form_page(
    s: &SurveyView,
    code: &str,
    instrument: Instrument,
    values: &Values,
    errors: &[String],
) -> String {
    let title = match instrument {
        Instrument::Commitment => m::COMMITMENT_TITLE,
        Instrument::Satisfaction => m::SATISFACTION_TITLE,
        Instrument::Culture => m::CULTURE_TITLE,
    };
    let mut out = head(title);
    let _ = write!(out, "<h1>{}</h1>", esc(title));
    if !errors.is_empty() {
        let _ = write!(
            out,
            "<div class=\"error\" role=\"alert\"><p>{}</p><ul>",
            t::REFUSED
        );
        for e in errors {
            let _ = write!(out, "<li>{}</li>", esc(e));
        }
        let _ = write!(out, "</ul><p>{}</p></div>", t::FIX_AND_SEND);
    }
    let greeting = match instrument {
        Instrument::Commitment => m::COMMITMENT_GREETING,
        Instrument::Satisfaction => m::SATISFACTION_GREETING,
        Instrument::Culture => m::CULTURE_GREETING,
    };
    paragraphs(&mut out, greeting);
    let _ = write!(
        out,
        "<form method=\"post\" action=\"/submit\"><input type=\"hidden\" name=\"access_code\" value=\"{}\">\
         <input type=\"hidden\" name=\"instrument\" value=\"{}\">",
        esc(code),
        instrument.id()
    );
    let need = match instrument {
        Instrument::Commitment => TenureNeed::Commitment,
        Instrument::Satisfaction => TenureNeed::Satisfaction,
        Instrument::Culture => TenureNeed::Any,
    };
    let tenure: Vec<(String, String)> = Tenure::options(need)
        .into_iter()
        .map(|x| (x.template_value(), x.label()))
        .collect();
    let tenure_label = if instrument == Instrument::Satisfaction {
        m::SATISFACTION_TENURE_QUESTION
    } else {
        t::TENURE
    };
    select(&mut out, "tenure", tenure_label, &tenure, values);
    let list = |v: &[String]| v.iter().map(|x| (x.clone(), x.clone())).collect::<Vec<_>>();
    if !s.subdivisions.is_empty() {
        select(
            &mut out,
            "subdivision",
            t::SUBDIVISION,
            &list(&s.subdivisions),
            values,
        );
    }
    if !s.positions.is_empty() {
        select(
            &mut out,
            "position",
            t::POSITION,
            &list(&s.positions),
            values,
        );
    }
    match instrument {
        Instrument::Commitment => {
            let options: Vec<(String, String)> = m::COMMITMENT_OPTIONS
                .iter()
                .zip(1..)
                .map(|(o, v)| (v.to_string(), format!("{v} – {o}")))
                .collect();
            for (i, st) in m::COMMITMENT_STATEMENTS.iter().enumerate() {
                radios(
                    &mut out,
                    &format!("q{}", i + 1),
                    &format!("{}. {st}", i + 1),
                    &options,
                    values,
                );
            }
        }
        Instrument::Satisfaction => {
            for (i, q) in m::SATISFACTION_QUESTIONS.iter().enumerate() {
                let options: Vec<(String, String)> = m::SATISFACTION_LETTERS
                    .iter()
                    .zip(q.options)
                    .map(|(l, o)| ((*l).to_owned(), format!("{l}) {o}")))
                    .collect();
                radios(
                    &mut out,
                    &format!("q{}", i + 1),
                    &format!("{}. {}", i + 1, q.text),
                    &options,
                    values,
                );
            }
        }
        Instrument::Culture => culture(&mut out, values),
    }
    let _ = write!(out, "<button type=\"submit\">{}</button></form>", t::SUBMIT);
    let _ = write!(out, "<p class=\"note\">{}</p>", t::ANONYMITY);
    out.push_str(FOOT);
    out
}

fn culture(out: &mut String, values: &Values) {
    paragraphs(out, m::CULTURE_BLOCK1_INSTRUCTIONS);
    for (i, q) in m::CULTURE_OPEN_QUESTIONS.iter().enumerate() {
        let _ = write!(out, "<fieldset><legend>{}. {}</legend>", i + 1, esc(q.text));
        for (side, prompt) in [("pos", q.positive), ("neg", q.negative)] {
            let name = format!("o{}_{side}", i + 1);
            let _ = write!(
                out,
                "<label for=\"{name}\">{}</label><textarea id=\"{name}\" name=\"{name}\" rows=\"3\">{}</textarea>",
                esc(prompt),
                esc(value(values, &name))
            );
        }
        out.push_str("</fieldset>");
    }
    paragraphs(out, m::CULTURE_BLOCK2_INSTRUCTIONS);
    let _ = write!(
        out,
        "<h2>{}</h2><table><tr><th>№</th><th></th><th>{}</th><th>{}</th></tr>",
        esc(m::CULTURE_COHESION_TITLE),
        t::TABLE_SUB,
        t::TABLE_ORG
    );
    for (i, item) in m::CULTURE_COHESION_ITEMS.iter().enumerate() {
        let _ = write!(out, "<tr><td>{}</td><td>{}", i + 1, esc(item));
        if i + 1 == m::CULTURE_COHESION_ITEMS.len() {
            let _ = write!(
                out,
                "<br><input type=\"text\" name=\"c15_text\" aria-label=\"{}\" value=\"{}\" size=\"30\">",
                t::OTHER,
                esc(value(values, "c15_text"))
            );
        }
        out.push_str("</td><td>");
        rating(
            out,
            &format!("c{}_sub", i + 1),
            &format!("{item}: {}", t::TABLE_SUB),
            values,
        );
        out.push_str("</td><td>");
        rating(
            out,
            &format!("c{}_org", i + 1),
            &format!("{item}: {}", t::TABLE_ORG),
            values,
        );
        out.push_str("</td></tr>");
    }
    out.push_str("</table>");
    paragraphs(out, m::CULTURE_BLOCK3_INSTRUCTIONS);
    let _ = write!(
        out,
        "<table><tr><th>№</th><th></th><th>{}</th><th>{}</th></tr>",
        t::TABLE_SUB,
        t::TABLE_ORG
    );
    for (i, item) in m::CULTURE_LEVEL_ITEMS.iter().enumerate() {
        let _ = write!(out, "<tr><td>{}</td><td>{}</td><td>", i + 1, esc(item));
        rating(
            out,
            &format!("l{}_sub", i + 1),
            &format!("{item}: {}", t::TABLE_SUB),
            values,
        );
        out.push_str("</td><td>");
        rating(
            out,
            &format!("l{}_org", i + 1),
            &format!("{item}: {}", t::TABLE_ORG),
            values,
        );
        out.push_str("</td></tr>");
    }
    out.push_str("</table>");
    paragraphs(out, m::CULTURE_BLOCK4_INSTRUCTIONS);
    out.push_str("<table>");
    for (i, item) in m::CULTURE_NEGATIVE_ITEMS.iter().enumerate() {
        let _ = write!(out, "<tr><td>{}</td><td>{}", i + 1, esc(item));
        if i == 6 {
            for (name, words, lead) in [
                ("n7_actors", &m::CULTURE_N7_ACTORS, t::WHO),
                ("n7_tech", &m::CULTURE_N7_TECH, t::WHICH),
            ] {
                let _ = write!(out, "<div class=\"inline\">{lead} ");
                for (k, w) in words.iter().enumerate() {
                    let id = format!("{name}_{k}");
                    let _ = write!(
                        out,
                        "<label for=\"{id}\"><input type=\"checkbox\" id=\"{id}\" name=\"{name}\" value=\"{}\"{}> {}</label>",
                        esc(w),
                        checked(values, name, w),
                        esc(w)
                    );
                }
                out.push_str("</div>");
            }
        }
        if i == 7 {
            let _ = write!(
                out,
                "<br><input type=\"text\" name=\"n8_text\" aria-label=\"{}\" value=\"{}\" size=\"30\">",
                t::OTHER_NEG,
                esc(value(values, "n8_text"))
            );
        }
        out.push_str("</td><td>");
        rating(out, &format!("n{}", i + 1), item, values);
        out.push_str("</td></tr>");
    }
    out.push_str("</table>");
}
