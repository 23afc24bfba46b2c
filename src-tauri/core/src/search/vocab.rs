//! The words the index knows, for forgiving typos and completing the word being typed.
//!
//! Typos are matched against the words as written ("curaton" is one edit from "curation"),
//! not against their stems ("curat"), which would make the distances meaningless. Each
//! surface word maps to the stem the index holds, so the expanded query is made of exact
//! term queries: BM25 still ranks them, and the snippet highlighter still sees them.
//!
//! Words and stems are counted as texts use them and forgotten when the last text using them
//! is removed, so a vocabulary stays the size of what is indexed now, however many times notes
//! have been saved. Stems carry small integer ids (reused once free) that snippets compare.

use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    /// Surface word → its stem and how many indexed tokens use it, ordered so a prefix is a
    /// contiguous range.
    words: BTreeMap<String, Word>,
    /// Surface words (as characters, ready to compare) by character count, for the typo scan.
    by_len: HashMap<usize, Vec<(Vec<char>, String)>>,
    /// Stem → its id.
    stem_ids: HashMap<String, u32>,
    /// By id: the stem and how many indexed tokens use it, or `None` when the id is free.
    stems: Vec<Option<(String, u32)>>,
    free_ids: Vec<u32>,
}

#[derive(Debug, Clone)]
struct Word {
    stem: String,
    uses: u32,
}

/// Longest word length considered for typo matching; longer tokens are ids or noise.
const MAX_FUZZY_LEN: usize = 30;

impl Vocabulary {
    /// Counts one indexed token of `surface`, which stems to `stem`; returns the stem's id.
    pub fn insert(&mut self, surface: &str, stem: &str) -> u32 {
        match self.words.get_mut(surface) {
            Some(word) => word.uses += 1,
            None => {
                self.words.insert(
                    surface.to_string(),
                    Word {
                        stem: stem.to_string(),
                        uses: 1,
                    },
                );
                let n = surface.chars().count();
                if n <= MAX_FUZZY_LEN {
                    self.by_len
                        .entry(n)
                        .or_default()
                        .push((surface.chars().collect(), surface.to_string()));
                }
            }
        }
        if let Some(&id) = self.stem_ids.get(stem) {
            if let Some((_, uses)) = &mut self.stems[id as usize] {
                *uses += 1;
            }
            return id;
        }
        let entry = Some((stem.to_string(), 1));
        let id = match self.free_ids.pop() {
            Some(id) => {
                self.stems[id as usize] = entry;
                id
            }
            None => {
                self.stems.push(entry);
                (self.stems.len() - 1) as u32
            }
        };
        self.stem_ids.insert(stem.to_string(), id);
        id
    }

    /// Uncounts one token that `insert` counted; a word or stem no longer used is forgotten.
    pub fn release(&mut self, surface: &str, stem_id: u32) {
        if let Some(word) = self.words.get_mut(surface) {
            word.uses -= 1;
            if word.uses == 0 {
                self.words.remove(surface);
                let n = surface.chars().count();
                if let Some(bucket) = self.by_len.get_mut(&n) {
                    if let Some(i) = bucket.iter().position(|(_, w)| w == surface) {
                        bucket.swap_remove(i);
                    }
                }
            }
        }
        if let Some(slot) = self.stems.get_mut(stem_id as usize) {
            if let Some((stem, uses)) = slot {
                *uses -= 1;
                if *uses == 0 {
                    self.stem_ids.remove(stem.as_str());
                    *slot = None;
                    self.free_ids.push(stem_id);
                }
            }
        }
    }

    /// Distinct words known.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Distinct stems known.
    pub fn stem_count(&self) -> usize {
        self.stem_ids.len()
    }

    /// The id of an indexed stem, for comparing with snippets' tokens.
    pub fn stem_id(&self, stem: &str) -> Option<u32> {
        self.stem_ids.get(stem).copied()
    }

    pub fn stem_of(&self, surface: &str) -> Option<&str> {
        self.words.get(surface).map(|w| w.stem.as_str())
    }

    /// How many edits a word of this length may be off by: 1 from 4 letters, 2 from 8.
    pub fn allowed_edits(word: &str) -> usize {
        match word.chars().count() {
            0..=3 => 0,
            4..=7 => 1,
            _ => 2,
        }
    }

    /// Stems of known words within the allowed edits of `word`, with their distance.
    pub fn fuzzy(&self, word: &str) -> Vec<(&str, usize)> {
        let max = Self::allowed_edits(word);
        if max == 0 {
            return Vec::new();
        }
        let n = word.chars().count();
        let w: Vec<char> = word.chars().collect();
        let mut out = Vec::new();
        let mut rows = Rows::default();
        for len in n.saturating_sub(max)..=n + max {
            for (chars, cand) in self.by_len.get(&len).into_iter().flatten() {
                if let Some(d) = bounded_distance(&w, chars, max, &mut rows) {
                    if d > 0 {
                        out.push((self.words[cand].stem.as_str(), d));
                    }
                }
            }
        }
        out.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(b.0)));
        out.dedup_by(|a, b| a.0 == b.0);
        out
    }

    /// Stems of known words that start with `prefix`, shortest first, at most `limit`.
    pub fn completions(&self, prefix: &str, limit: usize) -> Vec<&str> {
        let mut v: Vec<(&String, &Word)> = self
            .words
            .range(prefix.to_string()..)
            .take_while(|(w, _)| w.starts_with(prefix))
            .filter(|(w, _)| w.as_str() != prefix)
            .collect();
        v.sort_by_key(|(w, _)| w.len());
        let mut stems: Vec<&str> = Vec::new();
        for (_, word) in v {
            if !stems.contains(&word.stem.as_str()) {
                stems.push(&word.stem);
            }
            if stems.len() == limit {
                break;
            }
        }
        stems
    }
}

/// Row buffers reused across a whole scan, so comparing a word allocates nothing.
#[derive(Default)]
struct Rows {
    prev2: Vec<usize>,
    prev: Vec<usize>,
    cur: Vec<usize>,
}

/// Optimal-string-alignment distance (a swap of two neighbours is one edit), or `None` as
/// soon as it must exceed `max`.
fn bounded_distance(a: &[char], b: &[char], max: usize, rows: &mut Rows) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > max {
        return None;
    }
    let Rows { prev2, prev, cur } = rows;
    prev2.clear();
    prev2.resize(m + 1, 0);
    prev.clear();
    prev.extend(0..=m);
    cur.clear();
    cur.resize(m + 1, 0);
    for i in 1..=n {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(prev2, prev);
        std::mem::swap(prev, cur);
    }
    (prev[m] <= max).then_some(prev[m])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocabulary {
        let mut v = Vocabulary::default();
        for (w, s) in [
            ("curation", "curat"),
            ("curated", "curat"),
            ("governance", "govern"),
            ("responsible", "respons"),
            ("risk", "risk"),
        ] {
            v.insert(w, s);
        }
        v
    }

    #[test]
    fn a_word_is_forgotten_when_its_last_use_is_released() {
        let mut v = vocab();
        let id = v.insert("curation", "curat");
        v.release("curation", id);
        assert_eq!(
            v.fuzzy("curaton"),
            [("curat", 1)],
            "one use of the word is left, so it is still known"
        );
        v.release("curation", id);
        assert!(
            v.fuzzy("curaton").is_empty(),
            "the released word no longer answers its typo"
        );
        assert_eq!(
            v.stem_id("curat"),
            Some(id),
            "`curated` still uses the stem"
        );
        let other = v.stem_id("curat").unwrap();
        v.release("curated", other);
        assert_eq!(v.stem_id("curat"), None, "no word uses the stem any more");
        assert_eq!(
            v.insert("mesh", "mesh"),
            id,
            "a freed stem id is reused, so ids stay as few as the stems"
        );
    }

    #[test]
    fn one_typo_is_forgiven_in_a_word_of_four_or_more() {
        assert_eq!(vocab().fuzzy("curaton"), [("curat", 1)]);
        assert_eq!(
            vocab().fuzzy("rsik"),
            [("risk", 1)],
            "a swap counts as one edit"
        );
        assert!(
            vocab().fuzzy("rik").is_empty(),
            "three letters are matched exactly"
        );
    }

    #[test]
    fn two_typos_are_forgiven_from_eight_letters() {
        assert_eq!(vocab().fuzzy("govrnanse"), [("govern", 2)]);
        assert!(
            vocab().fuzzy("gvrnanse").is_empty(),
            "three edits are too many"
        );
    }

    #[test]
    fn completions_follow_the_prefix() {
        assert_eq!(vocab().completions("cur", 5), ["curat"]);
        assert_eq!(vocab().completions("resp", 5), ["respons"]);
        assert!(vocab().completions("zz", 5).is_empty());
    }
}
