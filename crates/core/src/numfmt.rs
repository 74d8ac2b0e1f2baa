//! Numbers as Russian readers expect them: decimal comma, a no-break space
//! before the percent sign («45,68 %», so that a line never starts with «%»), a true minus sign «−» (U+2212) for
//! negatives («−2,86»), as typeset Russian text prints it.

/// `x` with `digits` decimals and a decimal comma: `decimal(17.8166, 2)` is
/// «17,82».
/// Halves round away from zero, as a reader rounding by hand would
/// (66,25 → 66,3), not to even as `format!` does.
pub fn decimal(x: f64, digits: usize) -> String {
    let scale = 10f64.powi(digits as i32);
    let rounded = (x * scale).round() / scale;
    let s = format!("{rounded:.digits$}");
    // "-0,00" reads as a negative zero; print it as zero.
    let s = if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
        s[1..].to_owned()
    } else {
        s
    };
    match s.strip_prefix('-') {
        Some(abs) => format!("{MINUS}{}", abs.replace('.', ",")),
        None => s.replace('.', ","),
    }
}

/// The minus sign of printed numbers.
pub const MINUS: char = '\u{2212}';

/// An integer with a true minus: «−3».
pub fn integer(x: i64) -> String {
    if x < 0 {
        format!("{MINUS}{}", x.unsigned_abs())
    } else {
        x.to_string()
    }
}

/// `x` as a percent with `digits` decimals: `percent(45.6838, 2)` is «45,68 %».
pub fn percent(x: f64, digits: usize) -> String {
    format!("{}\u{a0}%", decimal(x, digits))
}

/// A signed change: «+2,50», «−1,20», «0,00».
pub fn signed(x: f64, digits: usize) -> String {
    let s = decimal(x, digits);
    if s.starts_with(MINUS) || s.chars().all(|c| c == '0' || c == ',') {
        s
    } else {
        format!("+{s}")
    }
}

/// The Russian plural form for `n`: `plural(2, "респондент", "респондента",
/// "респондентов")` is «респондента».
pub fn plural<'a>(n: u64, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    match (n % 10, n % 100) {
        (_, 11..=14) => many,
        (1, _) => one,
        (2..=4, _) => few,
        _ => many,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_conventions() {
        assert_eq!(percent(2138.0 / 4680.0 * 100.0, 2), "45,68\u{a0}%");
        assert_eq!(percent(2138.0 / 4680.0 * 100.0, 1), "45,7\u{a0}%");
        assert_eq!(decimal(-3.5, 2), "\u{2212}3,50");
        assert_eq!(decimal(66.25, 1), "66,3", "half rounds up, not to even");
        assert_eq!(decimal(-3.125, 2), "\u{2212}3,13");
        assert_eq!(integer(-3), "\u{2212}3");
        assert_eq!(integer(12), "12");
        assert_eq!(decimal(-0.001, 2), "0,00");
        assert_eq!(signed(2.5, 1), "+2,5");
        assert_eq!(signed(-2.5, 1), "\u{2212}2,5");
        assert_eq!(signed(0.0, 1), "0,0");
        assert_eq!(plural(1, "а", "б", "в"), "а");
        assert_eq!(plural(3, "а", "б", "в"), "б");
        assert_eq!(plural(12, "а", "б", "в"), "в");
        assert_eq!(plural(22, "а", "б", "в"), "б");
        assert_eq!(plural(120, "а", "б", "в"), "в");
    }
}
