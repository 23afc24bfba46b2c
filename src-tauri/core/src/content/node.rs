//! Turning one node file into a `Node` and its outgoing link entries.
//!
//! Field checks that need only the file and the manifest happen here; checks that need the
//! whole pack (does the target exist, is it the right kind) happen in `assemble`.

use super::frontmatter::{self, NodeFile};
use super::manifest::NODE_FIELDS;
use super::problem::{Problem, ProblemKind};
use crate::limits::echo;
use crate::model::{Manifest, Node, SourceRef};
use toml::Value;

/// Longest tagline accepted: it must fit on one line of a card.
const MAX_TAGLINE: usize = 140;

/// A link as written in a node file, not yet resolved.
pub struct LinkEntry {
    pub field: String,
    pub to: String,
    pub line: Option<usize>,
    pub source: Option<SourceRef>,
}

pub struct RawNode {
    pub node: Node,
    pub id_line: Option<usize>,
    pub links: Vec<LinkEntry>,
}

/// A parsed file: the node when it is valid, and otherwise whatever id and kind could be read,
/// so that links to a broken node are not reported a second time as links to a missing one.
pub enum Parsed {
    Valid(Box<RawNode>),
    Broken {
        id: Option<String>,
        kind: Option<String>,
    },
}

pub fn parse(path: &str, text: &str, manifest: &Manifest, problems: &mut Vec<Problem>) -> Parsed {
    let file = match frontmatter::parse(path, text) {
        Ok(f) => f,
        Err(p) => {
            problems.push(p);
            return Parsed::Broken {
                id: None,
                kind: None,
            };
        }
    };
    let before = problems.len();
    let mut f = Fields {
        file: &file,
        problems,
    };

    let id = f.required_str("id");
    if let Some(id) = &id {
        if !is_valid_id(id) {
            f.problem(
                ProblemKind::InvalidValue,
                "id",
                format!(
                    "`{}` is not a valid id: use lower-case letters, digits and `-`",
                    echo(id)
                ),
            );
        }
    }
    let kind = f.required_str("kind");
    if let Some(k) = &kind {
        if manifest.kind(k).is_none() {
            let known: Vec<&str> = manifest.kinds.iter().map(|k| k.id.as_str()).collect();
            f.problem(
                ProblemKind::UnknownKind,
                "kind",
                format!(
                    "unknown kind `{}`; the pack declares {}",
                    echo(k),
                    known.join(", ")
                ),
            );
        }
    }
    let title = f.required_str("title");
    let tagline = f.required_str("tagline");
    if let Some(t) = &tagline {
        if t.chars().count() > MAX_TAGLINE || t.contains('\n') {
            f.problem(
                ProblemKind::InvalidValue,
                "tagline",
                format!("a tagline is one line of at most {MAX_TAGLINE} characters"),
            );
        }
    }
    let source = f.source("source", true);
    let status = f.optional_str("status");
    if let Some(s) = &status {
        if manifest.status(s).is_none() {
            f.problem(
                ProblemKind::InvalidValue,
                "status",
                format!("unknown status `{}`", echo(s)),
            );
        }
    }
    let order = match file.table.get("order") {
        None => None,
        Some(Value::Integer(i)) => Some(*i),
        Some(_) => {
            f.problem(
                ProblemKind::InvalidValue,
                "order",
                "`order` must be a whole number".into(),
            );
            None
        }
    };
    let aliases = f.string_list("aliases");

    let mut links = Vec::new();
    for (key, value) in &file.table {
        if NODE_FIELDS.contains(&key.as_str()) {
            continue;
        }
        let Some(def) = manifest.link(key) else {
            f.problem(
                ProblemKind::UnknownField,
                key,
                format!("unknown field `{}`", echo(key)),
            );
            continue;
        };
        if let Some(k) = &kind {
            if manifest.kind(k).is_some() && !def.from.contains(k) {
                f.problem(
                    ProblemKind::WrongKind,
                    key,
                    format!(
                        "a {k} cannot have `{key}`; it belongs on a {}",
                        def.from.join(", ")
                    ),
                );
                continue;
            }
        }
        links.extend(f.links(key, value, def.single));
    }
    if let Some(k) = &kind {
        for def in manifest.links.iter().filter(|d| d.required_for.contains(k)) {
            if !file.table.contains_key(&def.field) {
                f.problem(
                    ProblemKind::MissingField,
                    "id",
                    format!("a {k} must have `{}`", def.field),
                );
            }
        }
    }

    if f.problems.len() != before {
        let kind = kind.filter(|k| manifest.kind(k).is_some());
        return Parsed::Broken { id, kind };
    }
    let (Some(id), Some(kind), Some(title), Some(tagline), Some(source)) =
        (id, kind, title, tagline, source)
    else {
        unreachable!("every missing required field was reported as a problem");
    };
    Parsed::Valid(Box::new(RawNode {
        id_line: file.line_of_key("id"),
        node: Node {
            id,
            kind,
            title,
            tagline,
            status,
            order,
            aliases,
            source,
            body: file.body.to_string(),
            file: path.to_string(),
        },
        links,
    }))
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
}

/// Typed access to frontmatter fields that records a problem for each bad one.
struct Fields<'f, 'a> {
    file: &'f NodeFile<'a>,
    problems: &'f mut Vec<Problem>,
}

impl Fields<'_, '_> {
    fn problem(&mut self, kind: ProblemKind, key: &str, message: String) {
        let line = self.file.line_of_key(key).or(Some(self.file.front_line));
        self.problems
            .push(Problem::new(kind, self.file.path, line, message));
    }

    /// Records that a required field is absent; the block's first line is where it belongs.
    fn missing<T>(&mut self, key: &str) -> Option<T> {
        self.problems.push(Problem::new(
            ProblemKind::MissingField,
            self.file.path,
            Some(self.file.front_line),
            format!("the required field `{key}` is missing"),
        ));
        None
    }

    fn required_str(&mut self, key: &str) -> Option<String> {
        match self.file.table.get(key) {
            None => self.missing(key),
            Some(_) => self.optional_str(key),
        }
    }

    fn optional_str(&mut self, key: &str) -> Option<String> {
        match self.file.table.get(key) {
            None => None,
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Some(_) => {
                self.problem(
                    ProblemKind::InvalidValue,
                    key,
                    format!("`{key}` must be a non-empty string"),
                );
                None
            }
        }
    }

    fn string_list(&mut self, key: &str) -> Vec<String> {
        match self.file.table.get(key) {
            None => Vec::new(),
            Some(Value::Array(items)) if items.iter().all(Value::is_str) => items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            Some(_) => {
                self.problem(
                    ProblemKind::InvalidValue,
                    key,
                    format!("`{key}` must be a list of strings"),
                );
                Vec::new()
            }
        }
    }

    fn source(&mut self, key: &str, required: bool) -> Option<SourceRef> {
        match self.file.table.get(key) {
            None if required => self.missing(key),
            None => None,
            Some(v) => match v.clone().try_into::<SourceRef>() {
                Ok(s) => Some(s),
                Err(_) => {
                    self.problem(
                        ProblemKind::InvalidValue,
                        key,
                        format!(
                            "`{key}` must be {{ section = \"…\", page = N }} with a positive page"
                        ),
                    );
                    None
                }
            },
        }
    }

    fn links(&mut self, key: &str, value: &Value, single: bool) -> Vec<LinkEntry> {
        let entries: Vec<&Value> = match (value, single) {
            (Value::String(_), true) => vec![value],
            (Value::Array(items), false) => items.iter().collect(),
            _ => {
                let shape = if single {
                    "a single id in quotes"
                } else {
                    "a list of ids"
                };
                self.problem(
                    ProblemKind::InvalidValue,
                    key,
                    format!("`{key}` must be {shape}"),
                );
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for entry in entries {
            let (to, source) = match entry {
                Value::String(s) => (s.clone(), None),
                Value::Table(t) => {
                    let to = t.get("to").and_then(Value::as_str).map(str::to_string);
                    let unknown = t
                        .keys()
                        .find(|k| !["to", "section", "page"].contains(&k.as_str()));
                    let section = t.get("section").and_then(Value::as_str);
                    let page = t.get("page").and_then(Value::as_integer);
                    match (to, unknown) {
                        (Some(to), None) => {
                            let source = match (section, page) {
                                (Some(s), Some(p)) if p > 0 => Some(SourceRef {
                                    section: s.to_string(),
                                    page: p as u32,
                                }),
                                _ => None,
                            };
                            (to, source)
                        }
                        _ => {
                            self.problem(
                                ProblemKind::InvalidValue,
                                key,
                                format!(
                                    "each `{key}` entry is an id or {{ to = \"id\", section = \"…\", page = N }}"
                                ),
                            );
                            continue;
                        }
                    }
                }
                _ => {
                    self.problem(
                        ProblemKind::InvalidValue,
                        key,
                        format!("`{key}` entries must be ids in quotes"),
                    );
                    continue;
                }
            };
            let line = self.file.line_of_value(key, &to);
            out.push(LinkEntry {
                field: key.to_string(),
                to,
                line,
                source,
            });
        }
        out
    }
}
