//! Full-text search over the framework and organisations' notes, with tantivy.
//!
//! The index lives in memory and is rebuilt from content at startup: it is disposable, and
//! building it for CAF-AI takes milliseconds. Notes are added and replaced one capability at a
//! time as they are saved, so a note is findable as soon as it is stored.
//!
//! Queries are never parsed with tantivy's query language: people type words, not syntax.
//! `query::parse` reads any input, and `compile` turns it into term queries with typo and
//! prefix expansion done against our own vocabulary (see `vocab`).
//!
//! A query is at most `limits::SEARCH_QUERY_CHARS` long (longer is an error, `QueryTooLong`)
//! and returns at most `limits::SEARCH_LIMIT` results (a larger `limit` is clamped). Saving
//! notes again and again does not grow the index: a replaced note's snippet slot is reused and
//! its words are uncounted from the vocabulary.

mod compile;
mod excerpt;
mod query;
mod vocab;

pub use query::{parse, Filter, ParsedQuery};

use crate::graph::Framework;
use crate::limits::{SEARCH_DEFAULT_LIMIT, SEARCH_LIMIT, SEARCH_QUERY_CHARS};
use crate::markdown;
use excerpt::Excerpt;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use tantivy::collector::TopDocs;
use tantivy::query::Occur;
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, STORED, STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};
use ts_rs::TS;
use vocab::Vocabulary;

const ANALYZER: &str = "atlas_en";
/// How many stems one typed prefix may expand to; more would only add noise and time.
const MAX_COMPLETIONS: usize = 24;
const SNIPPET_CHARS: usize = 180;

/// Errors from the search engine itself. Bad *queries* are never errors.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// Tantivy failed to build, write or read the in-memory index.
    #[error("the search index failed: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// The query is longer than `limits::SEARCH_QUERY_CHARS` characters.
    #[error("a search may be at most {max} characters long; shorten it")]
    QueryTooLong { max: usize },
}

/// What the index holds, for tests and benchmarks that check it does not grow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexStats {
    /// Snippet slots allocated, used or free.
    pub slots: usize,
    /// Slots holding a note.
    pub notes: usize,
    /// Distinct words in the vocabulary.
    pub words: usize,
    /// Distinct stems.
    pub stems: usize,
    /// Documents that searches can find.
    pub docs: u64,
    /// Documents tantivy still holds, deleted ones included.
    pub stored_docs: u64,
    pub segments: usize,
}

/// One search result.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SearchHit {
    /// The node id (for a note, the capability it is about).
    pub id: String,
    /// The node kind, or `note` for an organisation's note.
    pub kind: String,
    pub title: String,
    /// The perspective the result belongs to, by title, when it has one.
    pub perspective: Option<String>,
    /// The organisation a note belongs to.
    pub org: Option<String>,
    pub score: f32,
    /// A short HTML-escaped excerpt with the matched words in `<mark>`.
    pub snippet: String,
}

/// Filters given alongside the query text (the CLI's `--kind`, `--perspective`).
#[derive(Debug, Clone, Default)]
pub struct SearchOptions {
    /// Most results wanted: 0 means `limits::SEARCH_DEFAULT_LIMIT`, and more than
    /// `limits::SEARCH_LIMIT` means that many.
    pub limit: usize,
    pub kind: Option<String>,
    pub perspective: Option<String>,
}

#[derive(Clone, Copy)]
struct Fields {
    key: Field,
    id: Field,
    kind: Field,
    title: Field,
    aliases: Field,
    tagline: Field,
    body: Field,
    names: Field,
    perspective: Field,
    perspective_title: Field,
    stakeholder: Field,
    org: Field,
    org_name: Field,
    /// Position of the document's texts in `SearchIndex::texts`, for snippets.
    slot: Field,
}

/// Text fields searched for every word, with how much a match in each counts.
const BOOSTS: &[(&str, f32)] = &[
    ("title", 3.0),
    ("aliases", 3.0),
    ("tagline", 1.5),
    ("names", 1.2),
    ("body", 1.0),
];

pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    writer: IndexWriter,
    fields: Fields,
    vocab: Vocabulary,
    analyzer: TextAnalyzer,
    /// Lower-cased names and ids → perspective id, for `perspective:` filters.
    perspectives: HashMap<String, String>,
    /// Lower-cased names, aliases and ids → stakeholder id, for `stakeholder:` filters.
    stakeholders: HashMap<String, String>,
    /// Body and tagline of each indexed document, pre-tokenised for snippets, by slot.
    texts: Vec<[Excerpt; 2]>,
    /// Slots of replaced notes, to be reused before `texts` grows.
    free_slots: Vec<usize>,
    /// Organisation id → capability id → the slot of that note.
    note_slots: HashMap<String, HashMap<String, usize>>,
}

fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(ANALYZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let stored_text = text.clone() | STORED;
    let fields = Fields {
        key: b.add_text_field("key", STRING | STORED),
        id: b.add_text_field("id", STRING | STORED),
        kind: b.add_text_field("kind", STRING | STORED),
        title: b.add_text_field("title", stored_text),
        aliases: b.add_text_field("aliases", text.clone()),
        tagline: b.add_text_field("tagline", text.clone()),
        body: b.add_text_field("body", text.clone()),
        names: b.add_text_field("names", text),
        perspective: b.add_text_field("perspective", STRING),
        perspective_title: b.add_text_field("perspective_title", STORED),
        stakeholder: b.add_text_field("stakeholder", STRING),
        org: b.add_text_field("org", STRING | STORED),
        org_name: b.add_text_field("org_name", STRING | STORED),
        slot: b.add_u64_field("slot", STORED),
    };
    (b.build(), fields)
}

/// A note to index: what an organisation wrote about one capability.
pub struct NoteDoc<'a> {
    pub org_id: &'a str,
    pub org_name: &'a str,
    pub capability_id: &'a str,
    /// The note's markdown together with evidence labels and tags.
    pub text: &'a str,
}

impl SearchIndex {
    /// Builds the index over every node of the framework.
    pub fn build(fw: &Framework) -> Result<Self, SearchError> {
        let (schema, fields) = schema();
        let index = Index::create_in_ram(schema);
        index.tokenizers().register(ANALYZER, analyzer());
        // One indexing thread: the index is small, and a second thread only costs memory.
        let writer = index.writer_with_num_threads(1, 50_000_000)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let mut this = SearchIndex {
            index,
            reader,
            writer,
            fields,
            vocab: Vocabulary::default(),
            analyzer: analyzer(),
            perspectives: HashMap::new(),
            stakeholders: HashMap::new(),
            texts: Vec::new(),
            free_slots: Vec::new(),
            note_slots: HashMap::new(),
        };
        this.index_framework(fw)?;
        Ok(this)
    }

    /// Words known to the index, for tests and benchmarks.
    pub fn vocabulary_size(&self) -> usize {
        self.vocab.len()
    }

    /// Sizes that grow with what the index holds.
    pub fn stats(&self) -> IndexStats {
        let searcher = self.reader.searcher();
        IndexStats {
            slots: self.texts.len(),
            notes: self.note_slots.values().map(HashMap::len).sum(),
            words: self.vocab.len(),
            stems: self.vocab.stem_count(),
            docs: searcher.num_docs(),
            stored_docs: searcher
                .segment_readers()
                .iter()
                .map(|s| u64::from(s.max_doc()))
                .sum(),
            segments: searcher.segment_readers().len(),
        }
    }

    fn index_framework(&mut self, fw: &Framework) -> Result<(), SearchError> {
        let f = self.fields;
        for p in fw.nodes_of_kind("perspective") {
            self.perspectives.insert(p.id.clone(), p.id.clone());
            self.perspectives
                .insert(p.title.to_lowercase(), p.id.clone());
        }
        for s in fw.nodes_of_kind("stakeholder") {
            self.stakeholders.insert(s.id.clone(), s.id.clone());
            self.stakeholders
                .insert(s.title.to_lowercase(), s.id.clone());
            for a in &s.aliases {
                self.stakeholders.insert(a.to_lowercase(), s.id.clone());
            }
        }
        let lens = crate::graph::queries::stakeholder_membership(fw);
        for node in fw.nodes() {
            let mut doc = TantivyDocument::default();
            doc.add_text(f.key, format!("node:{}", node.id));
            doc.add_text(f.id, &node.id);
            doc.add_text(f.kind, &node.kind);
            let body = markdown::plain_text(&node.body);
            let aliases = node.aliases.join(" ");
            // The names of linked stakeholders, concepts and the perspective, so a search for
            // "CISO" or "data mesh" also finds the capabilities that involve them.
            let names: Vec<String> = fw
                .links_from(&node.id)
                .into_iter()
                .chain(fw.links_to(&node.id))
                .filter(|l| {
                    matches!(
                        l.node.kind.as_str(),
                        "stakeholder" | "concept" | "perspective"
                    )
                })
                .flat_map(|l| std::iter::once(l.node.title.clone()).chain(l.node.aliases.clone()))
                .collect();
            let names = names.join(" ");
            for (field, text) in [
                (f.title, node.title.as_str()),
                (f.aliases, aliases.as_str()),
                (f.names, names.as_str()),
            ] {
                doc.add_text(field, text);
                self.learn(text);
            }
            doc.add_text(f.tagline, &node.tagline);
            doc.add_text(f.body, &body);
            let texts = [self.learn(&body), self.learn(&node.tagline)];
            doc.add_u64(f.slot, self.texts.len() as u64);
            self.texts.push(texts);
            let perspective = if node.kind == "perspective" {
                Some(node)
            } else {
                fw.parent(&node.id).filter(|p| p.kind == "perspective")
            };
            if let Some(p) = perspective {
                doc.add_text(f.perspective, &p.id);
                doc.add_text(f.perspective_title, &p.title);
            }
            for s in lens.get(node.id.as_str()).into_iter().flatten() {
                doc.add_text(f.stakeholder, s);
            }
            if node.kind == "stakeholder" {
                doc.add_text(f.stakeholder, &node.id);
            }
            self.writer.add_document(doc)?;
        }
        self.commit()
    }

    /// Tokenises a text once: its words join the vocabulary, and its tokens are kept for
    /// snippets.
    fn learn(&mut self, text: &str) -> Excerpt {
        let mut stream = self.analyzer.token_stream(text);
        let mut surface = Vec::new();
        while let Some(tok) = stream.next() {
            surface.push((tok.offset_from, tok.offset_to, tok.text.clone()));
        }
        let mut tokens = Vec::with_capacity(surface.len());
        for (from, to, stem) in surface {
            let word = text[from..to].to_lowercase();
            let id = self.vocab.insert(&word, &stem);
            tokens.push((from as u32, to as u32, id));
        }
        Excerpt::new(text.to_string(), tokens)
    }

    /// Empties a note's slot for reuse and uncounts its words, which `learn` counted.
    fn forget(&mut self, slot: usize) {
        let texts = std::mem::take(&mut self.texts[slot]);
        for excerpt in &texts {
            for (surface, stem) in excerpt.tokens() {
                self.vocab.release(&surface.to_lowercase(), stem);
            }
        }
        self.free_slots.push(slot);
    }

    fn forget_org(&mut self, org_id: &str) {
        for slot in self
            .note_slots
            .remove(org_id)
            .into_iter()
            .flat_map(|m| m.into_values())
        {
            self.forget(slot);
        }
    }

    fn commit(&mut self) -> Result<(), SearchError> {
        self.writer.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    /// Adds or replaces the note of one organisation on one capability. An empty text
    /// removes it. The note is searchable when this returns.
    pub fn upsert_note(&mut self, fw: &Framework, note: NoteDoc<'_>) -> Result<(), SearchError> {
        let key = format!("note:{}:{}", note.org_id, note.capability_id);
        self.writer
            .delete_term(Term::from_field_text(self.fields.key, &key));
        let old = self
            .note_slots
            .get_mut(note.org_id)
            .and_then(|m| m.remove(note.capability_id));
        if let Some(slot) = old {
            self.forget(slot);
        }
        self.add_note(fw, &key, &note)?;
        self.commit()
    }

    /// Replaces every note of an organisation at once (after an undo, or at start-up), in one
    /// commit.
    pub fn replace_org_notes(
        &mut self,
        fw: &Framework,
        notes: &[NoteDoc<'_>],
        org_id: &str,
    ) -> Result<(), SearchError> {
        self.writer
            .delete_term(Term::from_field_text(self.fields.org, org_id));
        self.forget_org(org_id);
        for note in notes {
            let key = format!("note:{}:{}", note.org_id, note.capability_id);
            self.add_note(fw, &key, note)?;
        }
        self.commit()
    }

    fn add_note(
        &mut self,
        fw: &Framework,
        key: &str,
        note: &NoteDoc<'_>,
    ) -> Result<(), SearchError> {
        if note.text.trim().is_empty() {
            return Ok(());
        }
        let f = self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.key, key);
        doc.add_text(f.id, note.capability_id);
        doc.add_text(f.kind, "note");
        let title = fw
            .node(note.capability_id)
            .map(|n| n.title.clone())
            .unwrap_or_else(|| note.capability_id.to_string());
        let body = markdown::plain_text(note.text);
        doc.add_text(f.title, &title);
        doc.add_text(f.body, &body);
        let texts = [self.learn(&body), Excerpt::default()];
        let slot = match self.free_slots.pop() {
            Some(slot) => {
                self.texts[slot] = texts;
                slot
            }
            None => {
                self.texts.push(texts);
                self.texts.len() - 1
            }
        };
        doc.add_u64(f.slot, slot as u64);
        let replaced = self
            .note_slots
            .entry(note.org_id.to_string())
            .or_default()
            .insert(note.capability_id.to_string(), slot);
        if let Some(old) = replaced {
            // The same capability twice in one batch: the later note wins, as in the store.
            self.writer.delete_term(Term::from_field_text(f.key, key));
            self.forget(old);
        }
        doc.add_text(f.org, note.org_id);
        doc.add_text(f.org_name, note.org_name);
        doc.add_text(f.org_name, note.org_name.to_lowercase());
        if let Some(p) = fw.parent(note.capability_id) {
            doc.add_text(f.perspective, &p.id);
            doc.add_text(f.perspective_title, &p.title);
        }
        self.writer.add_document(doc)?;
        Ok(())
    }

    /// Removes every note of an organisation (when it is deleted).
    pub fn remove_org_notes(&mut self, org_id: &str) -> Result<(), SearchError> {
        self.writer
            .delete_term(Term::from_field_text(self.fields.org, org_id));
        self.forget_org(org_id);
        self.commit()
    }

    /// Runs a query. Any input up to `limits::SEARCH_QUERY_CHARS` is accepted; nonsense
    /// simply finds nothing.
    pub fn search(&self, input: &str, opts: &SearchOptions) -> Result<Vec<SearchHit>, SearchError> {
        if input.chars().nth(SEARCH_QUERY_CHARS).is_some() {
            return Err(SearchError::QueryTooLong {
                max: SEARCH_QUERY_CHARS,
            });
        }
        let parsed = parse(input);
        let limit = match opts.limit {
            0 => SEARCH_DEFAULT_LIMIT,
            n => n.min(SEARCH_LIMIT),
        };
        let Some(built) = self.compile(&parsed, opts, Occur::Must) else {
            return Ok(Vec::new());
        };
        let searcher = self.reader.searcher();
        let mut top =
            searcher.search(&built.query, &TopDocs::with_limit(limit).order_by_score())?;
        if top.is_empty() && parsed.words.len() > 1 {
            // Nothing has every word: a question in plain language rarely does. Rank by any.
            if let Some(any) = self.compile(&parsed, opts, Occur::Should) {
                top = searcher.search(&any.query, &TopDocs::with_limit(limit).order_by_score())?;
            }
        }
        let wanted: HashSet<u32> = built
            .terms
            .keys()
            .filter_map(|t| self.vocab.stem_id(t))
            .collect();
        let f = self.fields;
        let mut hits = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let text = |field: Field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
            };
            let slot = doc.get_first(f.slot).and_then(|v| v.as_u64()).unwrap_or(0) as usize;
            let snippet = match self.texts.get(slot) {
                Some([body, tagline]) => body
                    .best(&wanted, SNIPPET_CHARS)
                    .or_else(|| tagline.best(&wanted, SNIPPET_CHARS))
                    .unwrap_or_else(|| {
                        let t = tagline.opening(SNIPPET_CHARS);
                        if t.is_empty() {
                            body.opening(SNIPPET_CHARS)
                        } else {
                            t
                        }
                    }),
                None => String::new(),
            };
            hits.push(SearchHit {
                id: text(f.id).unwrap_or_default(),
                kind: text(f.kind).unwrap_or_default(),
                title: text(f.title).unwrap_or_default(),
                perspective: text(f.perspective_title),
                org: text(f.org_name),
                score,
                snippet,
            });
        }
        Ok(hits)
    }
}
