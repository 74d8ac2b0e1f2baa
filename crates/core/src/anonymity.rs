//! The anonymity threshold K, applied in one place (docs/methodology.md,
//! "Anonymity"): which groups of a breakdown are shown.
//!
//! A group of fewer than K forms is hidden. Then further groups, smallest
//! first, are hidden until the hidden ones are at least two and hold at
//! least K forms together: otherwise a hidden group's figures could be
//! recovered by subtracting the shown groups from the total, which is
//! always shown.

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
}
