//! A change as a person reads it: "Data curation, target maturity 4 → 3".
//!
//! Undo and redo answer with these words so that whoever pressed Ctrl+Z (or typed `atlas
//! undo`) learns what changed, even when it was a capability off screen. They are written
//! here, beside the history, because only the core knows every field's meaning and the pack's
//! titles; the window and the command line only print them.

use super::history::Change;
use crate::graph::Framework;
use serde_json::Value;

/// How much of a typed text (notes, a reason, a name) the words quote.
const QUOTED_CHARS: usize = 40;

/// Fields named in full before "and N more".
const FIELDS_NAMED: usize = 2;

/// The label a person knows a field by, as the assessment editor shows it.
fn label(capability: &str, field: &str) -> String {
    let known = match field {
        "current" => "current maturity",
        "target" => "target maturity",
        "stage" => "journey stage",
        "not_applicable" => "not applicable",
        "name" if capability.is_empty() => "name",
        "deleted" if capability.is_empty() => "deleted",
        other => return other.replace('_', " "),
    };
    known.to_string()
}

/// Typed text, on one line and shortened, in quotes.
fn quote(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.is_empty() {
        return "empty".to_string();
    }
    match line.char_indices().nth(QUOTED_CHARS) {
        None => format!("“{line}”"),
        Some((cut, _)) => format!("“{}…”", line[..cut].trim_end()),
    }
}

/// A value in words: levels as numbers, nodes by title, text quoted, lists counted.
fn value(fw: &Framework, field: &str, v: &Value) -> String {
    match (field, v) {
        (_, Value::Null) => "none".to_string(),
        ("stage" | "owner", Value::String(id)) => fw
            .node(id)
            .map(|n| n.title.clone())
            .unwrap_or_else(|| quote(id)),
        ("priority" | "confidence", Value::String(s)) => s.clone(),
        (_, Value::String(s)) => quote(s),
        (_, Value::Bool(b)) => if *b { "yes" } else { "no" }.to_string(),
        ("evidence", Value::Array(items)) => match items.len() {
            0 => "none".to_string(),
            1 => "1 link".to_string(),
            n => format!("{n} links"),
        },
        (_, Value::Array(items)) if items.is_empty() => "none".to_string(),
        (_, Value::Array(items)) => quote(
            &items
                .iter()
                .map(|i| i.as_str().map(str::to_string).unwrap_or(i.to_string()))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (_, other) => other.to_string(),
    }
}

/// What `changes` did, in words: one capability by its title and each field's old and new
/// value; many capabilities by how many.
pub(crate) fn describe(fw: &Framework, changes: &[Change]) -> String {
    let mut capabilities: Vec<&str> = Vec::new();
    for (cap, ..) in changes {
        if !capabilities.contains(&cap.as_str()) {
            capabilities.push(cap);
        }
    }
    let title = |cap: &str| {
        if cap.is_empty() {
            "the organisation".to_string()
        } else {
            fw.node(cap)
                .map(|n| n.title.clone())
                .unwrap_or_else(|| cap.to_string())
        }
    };
    match capabilities.as_slice() {
        [] => String::new(),
        [cap] => {
            let mut parts: Vec<String> = changes
                .iter()
                .take(FIELDS_NAMED)
                .map(|(cap, field, old, new)| {
                    format!(
                        "{} {} → {}",
                        label(cap, field),
                        value(fw, field, old),
                        value(fw, field, new)
                    )
                })
                .collect();
            if changes.len() > FIELDS_NAMED {
                parts.push(format!("and {} more", changes.len() - FIELDS_NAMED));
            }
            format!("{}, {}", title(cap), parts.join(", "))
        }
        many => {
            let mut fields: Vec<String> = Vec::new();
            for (cap, field, ..) in changes {
                let l = label(cap, field);
                if !fields.contains(&l) {
                    fields.push(l);
                }
            }
            format!("{} of {} capabilities", fields.join(", "), many.len())
        }
    }
}
