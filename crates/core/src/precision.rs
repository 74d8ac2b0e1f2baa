//! How precise a group's figure is, and whether its change between two
//! surveys is more than that precision allows: Klimat's rule, since the
//! methodology compares figures without saying when a difference counts
//! (docs/methodology.md, «Changes between years»).
//!
//! A figure here is a mean over forms (P is mean IP scaled, a satisfaction
//! percent is mean points scaled, a culture item is a mean rating, a share
//! is a mean of 0/1). Its error has two parts:
//!
//! - **sampling**: not everyone answered. With the staff count N known and
//!   n forms, the finite-population correction (1 − n/N) applies; a census
//!   (n = N) has no sampling error;
//! - **measurement**: the same person does not answer a questionnaire the
//!   same way twice. Klimat assumes a test–retest reliability of
//!   [`RELIABILITY`] (0,8: the usual floor for questionnaires of this
//!   kind; the methodology gives none), so a census still carries 20 % of
//!   the per-form variance as error.
//!
//! Together: var(mean) = s² / n × (1 − ρ·n/N), with s² the per-form sample
//! variance and ρ the reliability (n/N taken as 0 when N is unknown). A
//! change is the difference of two independent years; it is called a fall
//! or a rise only when
//!
//! - each year has at least [`MIN_FORMS`] forms (below that one or two
//!   people's answers move the figure by a tenth of its range or more:
//!   «мало данных»), and
//! - Welch's test rejects «no change» at [`ALPHA`], two-sided, with Holm's
//!   correction over the figures judged together (a group of rows of one
//!   table: the components, the factors, the tenure bands, the culture
//!   items of one column); otherwise «в пределах погрешности».
//!
//! The census discount (ρ = 0,8) is applied to the two headline figures
//! only, P and overall satisfaction, sums of 15 and 18 answers; a
//! component, a factor or a single rating is far less reliable, and is
//! judged with the full s²/n. What the rule cannot see: a change in who
//! answers that is tied to their attitude (the unhappy answering one year,
//! everyone the next) moves the figures with nobody's attitude changed.

/// The fewest forms in each year for a change to be judged at all.
pub const MIN_FORMS: u64 = 10;
/// The assumed test–retest reliability of a figure (Klimat's assumption).
pub const RELIABILITY: f64 = 0.8;
/// The false-alarm rate of one family of judged changes.
pub const ALPHA: f64 = 0.05;
/// The two-sided 95 % quantile of the normal distribution.
const Z95: f64 = 1.959_964;

/// The sample variance of `n` values from their sum and sum of squares;
/// `None` under two values.
pub fn sample_variance(n: u64, sum: f64, squares: f64) -> Option<f64> {
    (n >= 2).then(|| {
        let n = n as f64;
        ((squares - sum * sum / n) / (n - 1.0)).max(0.0)
    })
}

/// One figure of one group in one survey, with what its precision rests on.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Estimate {
    /// The figure (a mean over forms, in the figure's own units).
    pub value: Option<f64>,
    /// The per-form sample variance, in the same units squared.
    pub variance: Option<f64>,
    /// Forms behind it.
    pub n: u64,
    /// The group's staff, if known.
    pub staff: Option<u64>,
}

impl Estimate {
    /// A figure with its per-form variance, forms and staff.
    pub fn new(value: Option<f64>, variance: Option<f64>, n: u64, staff: Option<u64>) -> Self {
        Self {
            value,
            variance,
            n,
            staff,
        }
    }

    /// A share (%) of `count` forms out of `n`: a mean of 0 and 100.
    pub fn share(count: u64, n: u64, staff: Option<u64>) -> Self {
        let value = (n > 0).then(|| count as f64 * 100.0 / n as f64);
        let variance = sample_variance(n, count as f64 * 100.0, count as f64 * 10_000.0);
        Self::new(value, variance, n, staff)
    }

    /// The share of the staff that answered (0 when the staff is unknown).
    pub fn coverage(&self) -> f64 {
        match self.staff {
            Some(s) if s > 0 => (self.n as f64 / s as f64).min(1.0),
            _ => 0.0,
        }
    }

    /// Whether every employee answered.
    pub fn census(&self) -> bool {
        self.staff.is_some_and(|s| s > 0 && self.n >= s)
    }

    /// The variance of the figure as a measure of the group (sampling and
    /// measurement, module docs).
    pub fn error_variance(&self) -> Option<f64> {
        (self.n > 0).then_some(())?;
        Some(self.variance? / self.n as f64 * (1.0 - RELIABILITY * self.coverage()))
    }

    /// The half-width of the figure's 95 % interval.
    pub fn margin(&self) -> Option<f64> {
        Some(Z95 * self.error_variance()?.sqrt())
    }
}

/// What a change between two surveys is taken to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// A fall beyond the error.
    Fall,
    /// A rise beyond the error.
    Rise,
    /// Within the error: no change can be claimed.
    WithinError,
    /// Too few forms in a year (or a figure missing) to judge.
    TooFew,
}

/// A change judged against its precision.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Judged {
    /// current − previous, when both exist.
    pub delta: Option<f64>,
    /// The half-width of the change's 95 % interval (uncorrected; the t
    /// quantile of its degrees of freedom).
    pub margin: Option<f64>,
    /// The two-sided p-value of «no change» (uncorrected).
    pub p_value: Option<f64>,
    /// Forms in the previous and the current survey.
    pub forms: (u64, u64),
    /// Staff in the previous and the current survey, if known.
    pub staff: (Option<u64>, Option<u64>),
    /// The verdict, Holm's correction applied over its family.
    pub verdict: Verdict,
}

impl Judged {
    /// Whether the change is a fall beyond the error of at least `points`,
    /// as the change is printed (two decimals: a printed −5,00 is 5).
    pub fn fall_of_at_least(&self, points: f64) -> bool {
        self.verdict == Verdict::Fall
            && self
                .delta
                .is_some_and(|d| (d * 100.0).round() / 100.0 <= -points)
    }

    /// Whether the change passed the rule (a fall or a rise).
    pub fn decided(&self) -> bool {
        matches!(self.verdict, Verdict::Fall | Verdict::Rise)
    }
}

/// Judges one change on its own (a family of one).
pub fn judge(previous: Estimate, current: Estimate) -> Judged {
    judge_family(&[(previous, current)])[0]
}

/// Judges changes that are read together (the rows of one table): each by
/// Welch's test, the family held to [`ALPHA`] by Holm's correction.
pub fn judge_family(pairs: &[(Estimate, Estimate)]) -> Vec<Judged> {
    let mut out: Vec<Judged> = pairs
        .iter()
        .map(|(prev, cur)| {
            let delta = match (prev.value, cur.value) {
                (Some(a), Some(b)) => Some(b - a),
                _ => None,
            };
            let (v1, v2) = (prev.error_variance(), cur.error_variance());
            let enough = prev.n >= MIN_FORMS && cur.n >= MIN_FORMS;
            let (margin, p_value) = match (delta, v1, v2) {
                (Some(d), Some(v1), Some(v2)) if enough => {
                    let se = (v1 + v2).sqrt();
                    let df = welch_df(v1, prev.n, v2, cur.n);
                    let p = if se == 0.0 {
                        if d == 0.0 { 1.0 } else { 0.0 }
                    } else {
                        2.0 * (1.0 - normal_cdf(t_as_z((d / se).abs(), df)))
                    };
                    // The printed error is the one the test uses: the t
                    // quantile of the change's degrees of freedom.
                    (Some(t95(df) * se), Some(p))
                }
                _ => (None, None),
            };
            Judged {
                delta,
                margin,
                p_value,
                forms: (prev.n, cur.n),
                staff: (prev.staff, cur.staff),
                verdict: if p_value.is_some() {
                    Verdict::WithinError
                } else {
                    Verdict::TooFew
                },
            }
        })
        .collect();
    // Holm: the k-th smallest of m p-values is compared with α / (m − k),
    // and the first that fails stops the rest.
    let mut order: Vec<usize> = (0..out.len())
        .filter(|&i| out[i].p_value.is_some())
        .collect();
    order.sort_by(|&a, &b| {
        out[a]
            .p_value
            .partial_cmp(&out[b].p_value)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let m = order.len();
    for (k, &i) in order.iter().enumerate() {
        let p = out[i].p_value.unwrap_or(1.0);
        if p > ALPHA / (m - k) as f64 {
            break;
        }
        out[i].verdict = match out[i].delta {
            Some(d) if d < 0.0 => Verdict::Fall,
            Some(d) if d > 0.0 => Verdict::Rise,
            _ => Verdict::WithinError,
        };
    }
    out
}

/// Welch–Satterthwaite degrees of freedom.
fn welch_df(v1: f64, n1: u64, v2: f64, n2: u64) -> f64 {
    let num = (v1 + v2) * (v1 + v2);
    let den = v1 * v1 / (n1 as f64 - 1.0).max(1.0) + v2 * v2 / (n2 as f64 - 1.0).max(1.0);
    if den > 0.0 { num / den } else { f64::INFINITY }
}

/// The two-sided 95 % quantile of Student's t with `df` degrees of
/// freedom, the exact inverse of [`t_as_z`] at 1,96 (2,26 at 9, 2,08 at
/// 22, 1,96 without end).
fn t95(df: f64) -> f64 {
    if !df.is_finite() {
        return Z95;
    }
    let a = 1.0 - 1.0 / (4.0 * df);
    let den = a * a - Z95 * Z95 / (2.0 * df);
    if den > 0.0 {
        Z95 / den.sqrt()
    } else {
        f64::INFINITY
    }
}

/// A Student t value with `df` degrees of freedom as the normal value of
/// the same tail (Abramowitz and Stegun 26.7.8; close enough from 5
/// degrees of freedom on).
fn t_as_z(t: f64, df: f64) -> f64 {
    if !df.is_finite() {
        return t;
    }
    t * (1.0 - 1.0 / (4.0 * df)) / (1.0 + t * t / (2.0 * df)).sqrt()
}

/// The standard normal distribution function (Abramowitz and Stegun
/// 7.1.26, error under 1,5·10⁻⁷).
pub fn normal_cdf(z: f64) -> f64 {
    let x = z.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erf = 1.0 - poly * (-x * x).exp();
    if z >= 0.0 {
        0.5 * (1.0 + erf)
    } else {
        0.5 * (1.0 - erf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_normal_distribution_function_matches_its_table() {
        for (z, p) in [
            (0.0, 0.5),
            (1.0, 0.841_345),
            (1.959_964, 0.975),
            (-2.575_829, 0.005),
        ] {
            assert!((normal_cdf(z) - p).abs() < 1e-6, "{z}: {}", normal_cdf(z));
        }
    }

    #[test]
    fn a_variance_from_sums_and_a_share() {
        // 1, 2, 3, 4: mean 2,5, sample variance 5/3.
        let v = sample_variance(4, 10.0, 30.0).unwrap();
        assert!((v - 5.0 / 3.0).abs() < 1e-12);
        assert_eq!(sample_variance(1, 3.0, 9.0), None);
        let s = Estimate::share(1, 4, None);
        assert_eq!(s.value, Some(25.0));
        // 0, 0, 0, 100: variance 2500.
        assert!((s.variance.unwrap() - 2500.0).abs() < 1e-9);
    }

    #[test]
    fn a_census_keeps_the_measurement_error_and_small_groups_are_too_few() {
        let sampled = Estimate::new(Some(50.0), Some(400.0), 40, None);
        let census = Estimate::new(Some(50.0), Some(400.0), 40, Some(40));
        assert!(census.census());
        let ratio = census.error_variance().unwrap() / sampled.error_variance().unwrap();
        assert!((ratio - (1.0 - RELIABILITY)).abs() < 1e-12);
        let four = Estimate::new(Some(50.0), Some(400.0), 4, Some(4));
        let fell = Estimate::new(Some(40.0), Some(400.0), 4, Some(4));
        assert_eq!(judge(four, fell).verdict, Verdict::TooFew);
    }

    #[test]
    fn holm_keeps_only_what_survives_the_family() {
        // Two changes at p ≈ 0,03 each: alone each is a fall; together the
        // smaller needs p ≤ 0,025 and neither passes.
        let prev = Estimate::new(Some(50.0), Some(100.0), 50, None);
        let d = 2.17 * (2.0 * 100.0 / 50.0f64).sqrt();
        let cur = Estimate::new(Some(50.0 - d), Some(100.0), 50, None);
        let alone = judge(prev, cur);
        assert_eq!(alone.verdict, Verdict::Fall, "{alone:?}");
        let both = judge_family(&[(prev, cur), (prev, cur)]);
        assert!(
            both.iter().all(|j| j.verdict == Verdict::WithinError),
            "{both:?}"
        );
    }
}
