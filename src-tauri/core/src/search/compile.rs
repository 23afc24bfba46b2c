//! Turning a parsed query into a tantivy query.
//!
//! Each typed word becomes a set of exact stems — the word itself, its completions if it is
//! still being typed, its typo neighbours if the index does not know it — searched in every
//! text field with that field's boost. Words are AND-ed (or OR-ed for the plain-language
//! fallback); phrases are phrase queries; filters narrow without scoring.

use super::{Filter, ParsedQuery, SearchIndex, SearchOptions, BOOSTS, MAX_COMPLETIONS};
use std::collections::{BTreeMap, HashMap, HashSet};
use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term;

impl SearchIndex {
    /// Stems of one typed word: itself, its typo neighbours and (if being typed) completions,
    /// each with a weight.
    fn expand(&self, word: &str, is_prefix: bool) -> Vec<(String, f32)> {
        let mut out: Vec<(String, f32)> = Vec::new();
        let mut push = |stem: &str, w: f32| {
            if let Some(e) = out.iter_mut().find(|(s, _)| s == stem) {
                e.1 = e.1.max(w);
            } else {
                out.push((stem.to_string(), w));
            }
        };
        // A word the index knows is taken at its word; one it does not know is most likely a
        // typo or a word still being typed, so its neighbours count almost fully.
        let known = self.vocab.stem_of(word);
        if let Some(s) = self.stem(word) {
            push(&s, 1.0);
        }
        if let Some(s) = known {
            push(s, 1.0);
        }
        if is_prefix {
            for s in self.vocab.completions(word, MAX_COMPLETIONS) {
                push(s, if known.is_some() { 0.6 } else { 0.9 });
            }
        }
        // Only an unknown word is treated as a typo: a known one is taken at its word, which
        // also spares every ordinary query the scan.
        if known.is_none() {
            for (s, d) in self.vocab.fuzzy(word) {
                push(s, if d == 1 { 0.9 } else { 0.7 });
            }
        }
        out
    }

    fn stem(&self, word: &str) -> Option<String> {
        let mut a = self.analyzer.clone();
        let mut stream = a.token_stream(word);
        stream.next().map(|t| t.text.clone())
    }

    pub(super) fn compile(
        &self,
        q: &ParsedQuery,
        opts: &SearchOptions,
        join: Occur,
    ) -> Option<Built> {
        let f = self.fields;
        let text_fields: Vec<(Field, f32)> = BOOSTS
            .iter()
            .map(|(name, boost)| {
                (
                    self.index.schema().get_field(name).expect("schema field"),
                    *boost,
                )
            })
            .collect();
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut terms: BTreeMap<String, f32> = BTreeMap::new();
        let last = q.words.len().saturating_sub(1);
        for (i, word) in q.words.iter().enumerate() {
            let stems = self.expand(word, q.last_is_prefix && i == last);
            if stems.is_empty() {
                if join == Occur::Must {
                    return None;
                }
                continue;
            }
            let mut alts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for (stem, weight) in &stems {
                terms.insert(stem.clone(), *weight);
                for (field, boost) in &text_fields {
                    let tq = TermQuery::new(
                        Term::from_field_text(*field, stem),
                        IndexRecordOption::WithFreqs,
                    );
                    alts.push((
                        Occur::Should,
                        Box::new(BoostQuery::new(Box::new(tq), boost * weight)),
                    ));
                }
            }
            clauses.push((join, Box::new(BooleanQuery::new(alts))));
        }
        for phrase in &q.phrases {
            let stems: Vec<String> = {
                let mut a = self.analyzer.clone();
                let mut s = a.token_stream(phrase);
                let mut v = Vec::new();
                while let Some(t) = s.next() {
                    v.push(t.text.clone());
                }
                v
            };
            let mut alts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for (field, boost) in &text_fields {
                let q: Box<dyn Query> = match stems.as_slice() {
                    [] => continue,
                    [one] => Box::new(TermQuery::new(
                        Term::from_field_text(*field, one),
                        IndexRecordOption::WithFreqs,
                    )),
                    many => Box::new(PhraseQuery::new(
                        many.iter()
                            .map(|s| Term::from_field_text(*field, s))
                            .collect(),
                    )),
                };
                alts.push((Occur::Should, Box::new(BoostQuery::new(q, *boost))));
            }
            for s in stems {
                terms.insert(s, 1.0);
            }
            if !alts.is_empty() {
                clauses.push((Occur::Must, Box::new(BooleanQuery::new(alts))));
            }
        }
        let mut filters: Vec<(Field, Vec<String>)> = Vec::new();
        let kinds = q
            .filters
            .iter()
            .filter_map(|fl| match fl {
                Filter::Kind(k) => Some(k.clone()),
                _ => None,
            })
            .chain(opts.kind.clone());
        for k in kinds {
            filters.push((f.kind, vec![singular(&k)]));
        }
        let persp = q
            .filters
            .iter()
            .filter_map(|fl| match fl {
                Filter::Perspective(p) => Some(p.clone()),
                _ => None,
            })
            .chain(opts.perspective.clone().map(|p| p.to_lowercase()));
        for p in persp {
            filters.push((f.perspective, resolve(&self.perspectives, &p)));
        }
        for fl in &q.filters {
            match fl {
                Filter::Stakeholder(s) => {
                    filters.push((f.stakeholder, resolve(&self.stakeholders, s)))
                }
                Filter::Org(o) => filters.push((f.org_name, vec![o.clone()])),
                _ => {}
            }
        }
        for (field, values) in filters {
            let alts: Vec<(Occur, Box<dyn Query>)> = values
                .iter()
                .map(|v| {
                    let tq: Box<dyn Query> = Box::new(TermQuery::new(
                        Term::from_field_text(field, v),
                        IndexRecordOption::Basic,
                    ));
                    (Occur::Should, tq)
                })
                .collect();
            if alts.is_empty() {
                return None;
            }
            // Filters narrow; they add nothing to the score.
            clauses.push((
                Occur::Must,
                Box::new(BoostQuery::new(Box::new(BooleanQuery::new(alts)), 0.0)),
            ));
        }
        let has_text = !q.words.is_empty() || !q.phrases.is_empty();
        if clauses.is_empty()
            || (!has_text
                && q.filters.is_empty()
                && opts.kind.is_none()
                && opts.perspective.is_none())
        {
            return None;
        }
        Some(Built {
            query: Box::new(BooleanQuery::new(clauses)),
            terms,
        })
    }
}
pub(super) struct Built {
    pub(super) query: Box<dyn Query>,
    pub(super) terms: BTreeMap<String, f32>,
}

/// `capabilities` → `capability`, so `kind:` accepts either form.
fn singular(kind: &str) -> String {
    match kind {
        "capabilities" => "capability".into(),
        "stakeholders" => "stakeholder".into(),
        "perspectives" => "perspective".into(),
        "concepts" => "concept".into(),
        "notes" => "note".into(),
        "stages" => "stage".into(),
        "outcomes" => "outcome".into(),
        "domains" => "domain".into(),
        "components" => "component".into(),
        other => other.into(),
    }
}

/// The ids a filter value names: an exact id or name, else every name it starts.
fn resolve(names: &HashMap<String, String>, value: &str) -> Vec<String> {
    if let Some(id) = names.get(value) {
        return vec![id.clone()];
    }
    let value = value.replace('-', " ");
    let mut ids: HashSet<String> = names
        .iter()
        .filter(|(name, _)| name.starts_with(&value) || name.replace('-', " ").starts_with(&value))
        .map(|(_, id)| id.clone())
        .collect();
    if ids.is_empty() {
        // No such role or perspective: the filter matches nothing rather than everything.
        ids.insert(String::from("\u{0}none"));
    }
    let mut v: Vec<String> = ids.into_iter().collect();
    v.sort();
    v
}
