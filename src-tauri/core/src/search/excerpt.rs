//! Snippets: the part of a text where the matched words sit, with those words marked.
//!
//! Each text is tokenised once, when it is indexed, and its tokens kept as (start, end, stem)
//! so that a snippet is a scan over integers, not a fresh pass of the stemmer over every
//! result's whole body on every keystroke.

use std::collections::HashSet;

#[derive(Debug, Default, Clone)]
pub struct Excerpt {
    text: String,
    /// Byte range in `text` and interned stem of each token, in order.
    tokens: Vec<(u32, u32, u32)>,
}

impl Excerpt {
    pub fn new(text: String, tokens: Vec<(u32, u32, u32)>) -> Self {
        Excerpt { text, tokens }
    }

    /// Each token as written (before lower-casing) with its stem id, to uncount them from
    /// the vocabulary when the text leaves the index.
    pub fn tokens(&self) -> impl Iterator<Item = (&str, u32)> {
        self.tokens
            .iter()
            .map(|&(s, e, stem)| (&self.text[s as usize..e as usize], stem))
    }

    /// The window of about `max_chars` holding the most matched tokens, as escaped HTML with
    /// the matches in `<mark>`; `None` when nothing in the text matches.
    pub fn best(&self, wanted: &HashSet<u32>, max_chars: usize) -> Option<String> {
        let hits: Vec<usize> = (0..self.tokens.len())
            .filter(|&i| wanted.contains(&self.tokens[i].2))
            .collect();
        if hits.is_empty() {
            return None;
        }
        // Two pointers over the matched tokens: the widest run that fits in the window.
        let (mut best_start, mut best_count, mut lo) = (hits[0], 0, 0);
        for hi in 0..hits.len() {
            while self.tokens[hits[hi]].1 - self.tokens[hits[lo]].0 > max_chars as u32 {
                lo += 1;
            }
            if hi - lo + 1 > best_count {
                best_count = hi - lo + 1;
                best_start = hits[lo];
            }
        }
        let first = self.tokens[best_start].0 as usize;
        // Start a little before the first match, at a word boundary, for context.
        let mut start = first.saturating_sub(max_chars / 5);
        while start > 0 && !self.text.is_char_boundary(start) {
            start -= 1;
        }
        if start > 0 {
            start = self.text[start..first]
                .find(' ')
                .map_or(first, |p| start + p + 1);
        }
        let mut end = (start + max_chars).min(self.text.len());
        while end < self.text.len() && !self.text.is_char_boundary(end) {
            end += 1;
        }
        if end < self.text.len() {
            end = self.text[start..end].rfind(' ').map_or(end, |p| start + p);
        }
        let mut out = String::with_capacity(end - start + 32);
        if start > 0 {
            out.push('…');
        }
        let mut pos = start;
        for &(s, e, stem) in &self.tokens {
            let (s, e) = (s as usize, e as usize);
            if s < start || e > end || !wanted.contains(&stem) {
                continue;
            }
            out.push_str(&escape(&self.text[pos..s]));
            out.push_str("<mark>");
            out.push_str(&escape(&self.text[s..e]));
            out.push_str("</mark>");
            pos = e;
        }
        out.push_str(&escape(&self.text[pos..end]));
        if end < self.text.len() {
            out.push('…');
        }
        Some(out.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    /// The opening of the text, escaped, when nothing matched in it.
    pub fn opening(&self, max_chars: usize) -> String {
        let mut end = max_chars.min(self.text.len());
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let cut = if end < self.text.len() {
            self.text[..end].rfind(' ').unwrap_or(end)
        } else {
            end
        };
        let more = if cut < self.text.len() { "…" } else { "" };
        format!("{}{more}", escape(self.text[..cut].trim()))
    }
}

pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_matches_and_escapes_the_rest() {
        let text = "Use <b>data</b> & curate data well".to_string();
        // tokens: use(0) b(1) data(2) b(1) curate(3) data(2) well(4)
        let tokens = vec![
            (0, 3, 0),
            (5, 6, 1),
            (7, 11, 2),
            (13, 14, 1),
            (18, 24, 3),
            (25, 29, 2),
            (30, 34, 4),
        ];
        let e = Excerpt::new(text, tokens);
        let html = e.best(&HashSet::from([2]), 200).unwrap();
        assert_eq!(
            html,
            "Use &lt;b&gt;<mark>data</mark>&lt;/b&gt; &amp; curate <mark>data</mark> well"
        );
        assert!(e.best(&HashSet::from([9]), 200).is_none());
    }
}
