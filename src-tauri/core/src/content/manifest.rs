//! Parsing and checking `framework.toml`.

use super::problem::{Problem, ProblemKind};
use crate::model::Manifest;
use std::collections::HashSet;

const FILE: &str = "framework.toml";

/// Fields a node file may carry besides the link fields the manifest declares.
pub const NODE_FIELDS: &[&str] = &[
    "id", "kind", "title", "tagline", "source", "status", "order", "aliases",
];

pub fn parse(text: &str, problems: &mut Vec<Problem>) -> Option<Manifest> {
    let manifest: Manifest = match toml::from_str(text) {
        Ok(m) => m,
        Err(e) => {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            let msg = e.message().lines().next().unwrap_or("").trim().to_string();
            problems.push(Problem::new(ProblemKind::BadManifest, FILE, line, msg));
            return None;
        }
    };
    let before = problems.len();
    let mut bad = |message: String| {
        problems.push(Problem::new(ProblemKind::BadManifest, FILE, None, message));
    };
    if manifest.format != 1 {
        bad(format!(
            "format {} is not supported; this build reads format 1",
            manifest.format
        ));
    }
    let kinds: HashSet<&str> = manifest.kinds.iter().map(|k| k.id.as_str()).collect();
    let edges: HashSet<&str> = manifest.edges.iter().map(|e| e.id.as_str()).collect();
    if kinds.len() != manifest.kinds.len() {
        bad("a node kind is declared twice".into());
    }
    let mut fields = HashSet::new();
    for link in &manifest.links {
        if !fields.insert(link.field.as_str()) || NODE_FIELDS.contains(&link.field.as_str()) {
            bad(format!(
                "link field `{}` is declared twice or clashes with a node field",
                link.field
            ));
        }
        if !edges.contains(link.edge.as_str()) {
            bad(format!(
                "link field `{}` makes edge `{}`, which is not declared in [[edges]]",
                link.field, link.edge
            ));
        }
        for k in link.from.iter().chain(&link.to).chain(&link.required_for) {
            if !kinds.contains(k.as_str()) {
                bad(format!(
                    "link field `{}` names kind `{k}`, which is not declared in [[kinds]]",
                    link.field
                ));
            }
        }
    }
    let mut levels: Vec<u8> = manifest.maturity.iter().map(|m| m.level).collect();
    levels.sort_unstable();
    if levels.is_empty() || levels.iter().enumerate().any(|(i, l)| *l as usize != i) {
        bad("the maturity scale must number its levels 0, 1, 2, … without gaps".into());
    }
    (problems.len() == before).then_some(manifest)
}
