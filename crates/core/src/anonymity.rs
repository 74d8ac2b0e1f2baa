//! The anonymity threshold K, applied in one place (docs/methodology.md,
//! "Anonymity"): which groups of a breakdown are shown.
//!
//! A group of fewer than K forms is hidden. Then further groups, smallest
//! first, are hidden until the hidden ones are at least two and hold at
//! least K forms together: otherwise a hidden group's figures could be
//! recovered by subtracting the shown groups from the total, which is
//! always shown.

/// The threshold K a new survey gets: groups of fewer forms are never shown.
/// Five, as employee-survey platforms use (docs/methodology.md, "Anonymity").
pub const DEFAULT_K: u32 = 5;

/// The least K a survey may have; a report made with K under
/// [`DEFAULT_K`] says so.
pub const MIN_K: u32 = 3;

/// The least number of forms a group needs before its open answers are
/// quoted (docs/methodology.md, "Anonymity"): a text says more about its
/// author than a figure does.
pub const COMMENT_MIN_FORMS: u64 = 10;

/// Why a group of a breakdown is not shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hidden {
    /// Shown.
    No,
    /// Fewer than K forms.
    Small,
    /// K forms or more, hidden so that a small group cannot be recovered
    /// by subtraction (complementary suppression).
    Complement,
}

/// The fate of each group of a breakdown, given its numbers of forms `ns`
/// and the threshold `k`.
///
/// Groups of fewer than K forms are hidden. Then, as long as the hidden
/// groups are fewer than two or hold fewer than K forms together, the
/// smallest shown group is hidden too: the total minus the shown groups
/// gives the hidden groups' combined figures, which must come from at least
/// K forms and never from one group alone.
pub fn hidden(ns: &[u64], k: u32) -> Vec<Hidden> {
    let k = u64::from(k);
    let mut out: Vec<Hidden> = ns
        .iter()
        .map(|&n| if n < k { Hidden::Small } else { Hidden::No })
        .collect();
    if !out.contains(&Hidden::Small) {
        return out;
    }
    loop {
        let hidden: Vec<usize> = (0..ns.len()).filter(|&i| out[i] != Hidden::No).collect();
        let forms: u64 = hidden.iter().map(|&i| ns[i]).sum();
        if hidden.len() >= 2 && forms >= k {
            return out;
        }
        match (0..ns.len())
            .filter(|&i| out[i] == Hidden::No)
            .min_by_key(|&i| ns[i])
        {
            Some(next) => out[next] = Hidden::Complement,
            None => return out,
        }
    }
}

/// The items of a breakdown that may be shown.
pub fn visible<T: Clone>(groups: &[T], n: impl Fn(&T) -> u64, k: u32) -> Vec<T> {
    let ns: Vec<u64> = groups.iter().map(&n).collect();
    groups
        .iter()
        .zip(hidden(&ns, k))
        .filter(|(_, h)| *h == Hidden::No)
        .map(|(g, _)| g.clone())
        .collect()
}

/// The groups of one partition of a survey's forms of one questionnaire
/// (its subdivisions, say) and the fate of each: the one rule that the
/// report's breakdown, the participation table, the subdivision reports
/// and the comparisons all ask, so that a group hidden in one of them is
/// hidden in all (docs/methodology.md, "Anonymity").
///
/// Groups are named by an optional name (`None`: not given) and ordered
/// as every breakdown orders them — names first, then «не указано» — so
/// that ties of [`hidden`] fall the same way everywhere.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Partition {
    groups: Vec<(Option<String>, u64, Hidden)>,
}

impl Partition {
    /// The fates of the groups with these numbers of forms; groups of no
    /// forms are left out (they show nothing).
    pub fn new(counts: impl IntoIterator<Item = (Option<String>, u64)>, k: u32) -> Self {
        let mut merged: std::collections::BTreeMap<(bool, Option<String>), u64> =
            std::collections::BTreeMap::new();
        for (name, n) in counts {
            *merged.entry((name.is_none(), name)).or_default() += n;
        }
        let items: Vec<(Option<String>, u64)> = merged
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|((_, name), n)| (name, n))
            .collect();
        let ns: Vec<u64> = items.iter().map(|g| g.1).collect();
        let fates = hidden(&ns, k);
        Self {
            groups: items
                .into_iter()
                .zip(fates)
                .map(|((name, n), h)| (name, n, h))
                .collect(),
        }
    }

    /// The fate of a group; a group with no forms is [`Hidden::No`]
    /// (there is nothing of it to hide).
    pub fn fate(&self, name: Option<&str>) -> Hidden {
        self.groups
            .iter()
            .find(|(g, _, _)| g.as_deref() == name)
            .map_or(Hidden::No, |g| g.2)
    }

    /// Whether a group with forms is published.
    pub fn published(&self, name: Option<&str>) -> bool {
        self.groups
            .iter()
            .any(|(g, n, h)| g.as_deref() == name && *n > 0 && *h == Hidden::No)
    }

    /// The forms of a group (0 when it has none).
    pub fn forms(&self, name: Option<&str>) -> u64 {
        self.groups
            .iter()
            .find(|(g, _, _)| g.as_deref() == name)
            .map_or(0, |g| g.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Hidden::*;

    #[test]
    fn one_small_group_hides_the_next_smallest_too() {
        // Four subdivisions of 40, 39, 39 and 2 forms: the total minus the
        // three shown would give the pair's figures exactly.
        assert_eq!(hidden(&[40, 39, 39, 2], 3), [No, Complement, No, Small]);
        assert_eq!(
            hidden(&[40, 2, 1], 3),
            [No, Small, Small],
            "two small ones cover each other"
        );
        assert_eq!(hidden(&[40, 30], 3), [No, No]);
        assert_eq!(hidden(&[5, 2], 3), [Complement, Small]);
        assert_eq!(hidden(&[2], 3), [Small]);
        assert_eq!(
            hidden(&[40, 30, 1, 1], 3),
            [No, Complement, Small, Small],
            "two small ones of 2 forms together: their sum would be recoverable"
        );
        assert_eq!(hidden(&[1, 0, 9], 3), [Small, Small, Complement]);
    }

    #[test]
    fn a_partition_orders_groups_as_the_breakdowns_do_and_hides_the_same() {
        // Groups given in any order, «не указано» among them: the fates are
        // those of the breakdown's order (names, then not given).
        let p = Partition::new(
            [
                (None, 4),
                (Some("Цех".to_owned()), 40),
                (Some("Бухгалтерия".to_owned()), 4),
                (Some("Руководство".to_owned()), 2),
                (Some("Пустой".to_owned()), 0),
            ],
            3,
        );
        assert_eq!(p.fate(Some("Руководство")), Small);
        // 4 and 4 tie: the first in order (Бухгалтерия) covers the small one.
        assert_eq!(p.fate(Some("Бухгалтерия")), Complement);
        assert_eq!(p.fate(None), No);
        assert!(p.published(Some("Цех")));
        assert!(!p.published(Some("Пустой")), "no forms: nothing published");
        assert_eq!(p.fate(Some("Пустой")), No);
        let hidden: u64 = p.forms(Some("Руководство")) + p.forms(Some("Бухгалтерия"));
        assert_eq!(hidden, 6);
    }
}
