//! Near-miss suggestions: the known id a mistyped one was probably meant to be, for every
//! "did you mean" in the loader's problems, the reader and tour checks. Kept on its own so the
//! loader and the graph can both use it without depending on each other.

/// The known id nearest to a mistyped one, when it is close enough to be a typo.
///
/// The work is bounded whatever `wanted` is: an input much longer than every known id is not
/// a typo and is not compared at all, and each comparison stops as soon as the distance must
/// exceed what would still count as a typo.
pub fn closest<'a>(
    wanted: &str,
    known: impl Iterator<Item = &'a String> + Clone,
) -> Option<&'a str> {
    let longest = known.clone().map(|k| k.chars().count()).max()?;
    let wanted: Vec<char> = wanted
        .chars()
        .take(longest + crate::limits::SUGGEST_EXTRA_CHARS + 1)
        .collect();
    if wanted.len() > longest + crate::limits::SUGGEST_EXTRA_CHARS {
        return None;
    }
    let mut best: Option<(usize, &'a str)> = None;
    for k in known {
        let kc: Vec<char> = k.chars().collect();
        let allowed = (kc.len().max(wanted.len()) / 3).max(2);
        // A later candidate must beat the best so far, or tie it and sort first.
        let cap = best.map_or(allowed, |(d, _)| allowed.min(d));
        if let Some(d) = bounded_edit_distance(&wanted, &kc, cap) {
            let better = match best {
                None => true,
                Some((bd, bk)) => d < bd || (d == bd && k.as_str() < bk),
            };
            if better {
                best = Some((d, k.as_str()));
            }
        }
    }
    best.map(|(_, k)| k)
}

/// Levenshtein distance, or `None` as soon as it must exceed `max`.
fn bounded_edit_distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    (prev[b.len()] <= max).then_some(prev[b.len()])
}

/// Levenshtein distance between two short strings (ids, titles), for ranking candidates
/// rather than deciding whether one is a typo. Inputs are cut at `limits::SUGGEST_RANK_CHARS`
/// characters so the work stays bounded whatever they hold.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().take(crate::limits::SUGGEST_RANK_CHARS).collect();
    let b: Vec<char> = b.chars().take(crate::limits::SUGGEST_RANK_CHARS).collect();
    bounded_edit_distance(&a, &b, a.len().max(b.len())).unwrap_or(a.len().max(b.len()))
}
