//! Russian typography for the printed report (PDF and DOCX): the
//! non-breaking spaces, minus signs and dashes of the office standard, and
//! hyphenation points from the TeX patterns that `hypher` embeds.
//!
//! [`typeset`] is applied once to every string a renderer prints, so no
//! text of the model needs to carry typography of its own.

/// The no-break space.
pub const NBSP: char = '\u{a0}';

/// Words that a number before them is never parted from (units and counted
/// nouns of the report).
const UNITS: &[&str] = &[
    "%",
    "п.",
    "балл",
    "балла",
    "баллов",
    "анкета",
    "анкеты",
    "анкет",
    "лет",
    "года",
    "год",
    "мм",
    "чел.",
    "человек",
    "раз",
    "раза",
    "работник",
    "работника",
    "работников",
    "респондент",
    "респондента",
    "респондентов",
    "ответ",
    "ответа",
    "ответов",
    "форм",
    "формы",
    "из",
];

/// Short words that stay with the word after them (prepositions and
/// conjunctions of one or two letters, and «№»).
const CLINGING: &[&str] = &[
    "№", "в", "во", "к", "ко", "с", "со", "и", "а", "о", "об", "у", "на", "по", "не", "из", "от",
    "до", "за",
];

fn is_digit_end(w: &str) -> bool {
    w.chars().last().is_some_and(|c| c.is_ascii_digit())
}

/// An initial: one capital letter and a full stop («А.»).
fn is_initial(w: &str) -> bool {
    let mut cs = w.chars();
    matches!((cs.next(), cs.next(), cs.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// Replaces a hyphen-minus that stands for a minus (before a digit, at the
/// start of a word) with U+2212, and one between two numbers (a range,
/// «1-3 лет») with an en dash.
fn dashes(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::with_capacity(word.len());
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let next_digit = next.is_some_and(|n| n.is_ascii_digit());
        if c == '-' && next_digit {
            match prev {
                None | Some('(' | '[' | '«' | '"' | '/' | ';' | ':' | '=' | '\u{a0}') => {
                    out.push('\u{2212}');
                    continue;
                }
                Some(p) if p.is_ascii_digit() => {
                    // A range of small numbers only: «1-3», «10-15»; a date
                    // or a code («2026-11-23», «К-001») stays as typed.
                    let left = chars[..i]
                        .iter()
                        .rev()
                        .take_while(|c| c.is_ascii_digit())
                        .count();
                    let right = chars[i + 1..]
                        .iter()
                        .take_while(|c| c.is_ascii_digit())
                        .count();
                    let before = i.checked_sub(left + 1).map(|j| chars[j]);
                    let after = chars.get(i + 1 + right).copied();
                    if left <= 3
                        && right <= 3
                        && !matches!(before, Some('-' | '.' | '/'))
                        && !matches!(after, Some('-' | '.' | '/'))
                    {
                        out.push('–');
                        continue;
                    }
                }
                _ => {}
            }
        }
        out.push(c);
    }
    out
}

/// The text with the office standard's typography: a no-break space before
/// «%» and units after a number, after «№» and short prepositions, inside
/// initials («А. В. Батаршев») and before a spaced dash (no line starts
/// with «–»); U+2212 for a minus; an en dash in ranges. Line breaks
/// (`\n`) are kept.
pub fn typeset(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (li, line) in text.split('\n').enumerate() {
        if li > 0 {
            out.push('\n');
        }
        let words: Vec<String> = line.split(' ').map(dashes).collect();
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                let prev = words[i - 1].as_str();
                let lower = w.trim_end_matches([',', ';', ':', ')', '»']).to_lowercase();
                let glue = (is_digit_end(prev) && UNITS.contains(&lower.as_str()))
                    || (prev == "п." && lower.starts_with("п."))
                    || w.starts_with('%')
                    || is_initial(prev) && w.chars().next().is_some_and(char::is_uppercase)
                    || (w == "–" || w == "—") && !prev.is_empty()
                    || CLINGING.contains(&prev.to_lowercase().as_str()) && !w.is_empty();
                out.push(if glue { NBSP } else { ' ' });
            }
            out.push_str(w);
        }
    }
    out
}

/// The points where `word` may be hyphenated, as byte offsets: Russian
/// (and Belarusian) TeX patterns, at least two letters on each side. A word
/// with digits or Latin letters is not hyphenated.
pub fn break_points(word: &str) -> Vec<usize> {
    // Units joined by no-break spaces («в\u{a0}государственных») break
    // inside their words, never at the joint.
    if word.contains(NBSP) {
        let mut points = Vec::new();
        let mut offset = 0;
        for part in word.split(NBSP) {
            points.extend(word_break_points(part).into_iter().map(|p| p + offset));
            offset += part.len() + NBSP.len_utf8();
        }
        return points;
    }
    word_break_points(word)
}

fn word_break_points(word: &str) -> Vec<usize> {
    let letters = word.trim_matches(|c: char| !c.is_alphabetic());
    if letters.chars().count() < 5
        || !letters
            .chars()
            .all(|c| matches!(c, 'а'..='я' | 'А'..='Я' | 'ё' | 'Ё' | 'і' | 'І' | 'ў' | 'Ў' | '-'))
    {
        return Vec::new();
    }
    let start = word.len() - word.trim_start_matches(|c: char| !c.is_alphabetic()).len();
    let mut points = Vec::new();
    // A compound word breaks at its own hyphen; each part by the patterns.
    let mut offset = start;
    for part in letters.split('-') {
        let mut at = offset;
        let syllables: Vec<&str> = hypher::hyphenate(part, hypher::Lang::Russian).collect();
        for s in &syllables[..syllables.len().saturating_sub(1)] {
            at += s.len();
            points.push(at);
        }
        offset += part.len() + 1;
        if offset < start + letters.len() {
            points.push(offset);
        }
    }
    points.sort_unstable();
    points.dedup();
    points
}

/// The text with soft hyphens (U+00AD) at the hyphenation points of its
/// longer words, for documents that Word or LibreOffice lay out (the DOCX):
/// they break a word there, with a hyphen, only at a line's end.
pub fn soft_hyphens(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let mut from = 0;
        for p in break_points(word) {
            // Not beside a hyphen the word has already.
            if !word[..p].ends_with('-') && !word[p..].starts_with('-') {
                out.push_str(&word[from..p]);
                out.push('\u{ad}');
                from = p;
            }
        }
        out.push_str(&word[from..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_units_stay_together() {
        assert_eq!(
            typeset("P = 45,68 % и 3 анкеты"),
            "P = 45,68\u{a0}% и\u{a0}3\u{a0}анкеты"
        );
        assert_eq!(typeset("лояльность -2,86"), "лояльность −2,86");
        assert_eq!(typeset("(-3,73)"), "(−3,73)");
        assert_eq!(typeset("стаж 1-3 лет"), "стаж 1–3\u{a0}лет");
        assert_eq!(
            typeset("код К-001, дата 2026-11-23"),
            "код К-001, дата 2026-11-23"
        );
        assert_eq!(
            typeset("методика А. В. Батаршева"),
            "методика А.\u{a0}В.\u{a0}Батаршева"
        );
        assert_eq!(typeset("слово – со стажем"), "слово\u{a0}– со\u{a0}стажем");
        assert_eq!(typeset("№ 4"), "№\u{a0}4");
        assert_eq!(typeset("−1,5 п. п."), "−1,5\u{a0}п.\u{a0}п.");
        assert_eq!(typeset("a\nb c"), "a\nb c");
    }

    #[test]
    fn soft_hyphens_mark_the_break_points_and_nothing_else() {
        let s = soft_hyphens("Удовлетворенность трудом 45,68\u{a0}%");
        assert!(s.contains('\u{ad}'));
        assert_eq!(
            s.replace('\u{ad}', ""),
            "Удовлетворенность трудом 45,68\u{a0}%"
        );
    }

    #[test]
    fn russian_words_break_at_syllables() {
        let word = "удовлетворенность";
        let points = break_points(word);
        assert!(!points.is_empty());
        for p in &points {
            assert!(word.is_char_boundary(*p));
            let (l, r) = word.split_at(*p);
            assert!(l.chars().count() >= 2 && r.chars().count() >= 2, "{l}-{r}");
        }
        assert!(break_points("IP").is_empty());
        assert!(break_points("45,68").is_empty());
        assert!(
            break_points("«профессионализм»,")
                .iter()
                .all(|&p| p > "«".len())
        );
    }
}
