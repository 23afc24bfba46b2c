//! A change as a person reads it: "Data curation, target maturity 4 → 3", "added action
//! “Train the data team”", "“Train the data team” open → done".
//!
//! Undo and redo answer with these words so that whoever pressed Ctrl+Z (or typed `atlas
//! undo`) learns what changed, even when it was a capability off screen; the history timeline
//! and a comparison carry them for each field. They are written here, beside the history,
//! because only the core knows every field's meaning and the pack's titles; the window and the
//! command line only print them. A plan is compared action by action (by id), never shown as
//! its stored JSON.

use super::actions::Action;
use super::history::Change;
use crate::graph::Framework;
use serde_json::Value;

/// How much of a typed text (notes, a reason, a name) the words quote.
const QUOTED_CHARS: usize = 40;

/// Fields named in full before "and N more".
const FIELDS_NAMED: usize = 2;

/// Changes to a plan's actions named in full before "and N more": an import or a pasted plan
/// can change a hundred at once.
const ACTION_CHANGES_NAMED: usize = 3;

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
        ("actions", Value::Array(_)) => match actions(v).as_deref() {
            Some([]) => "none".to_string(),
            Some([one]) => format!("1 action ({})", quote(&one.title)),
            Some(many) => format!("{} actions", many.len()),
            None => quote(&v.to_string()),
        },
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

/// An `actions` value as the actions it holds, or `None` when it is not one.
fn actions(v: &Value) -> Option<Vec<Action>> {
    match v {
        Value::Null => Some(Vec::new()),
        other => serde_json::from_value(other.clone()).ok(),
    }
}

/// An action's owner in words: a stakeholder by title, a person by name.
fn owner(fw: &Framework, owner: &Option<String>) -> String {
    match owner {
        None => "nobody".to_string(),
        Some(id) => fw
            .node(id)
            .filter(|n| n.kind == "stakeholder")
            .map(|n| n.title.clone())
            .unwrap_or_else(|| quote(id)),
    }
}

/// How a plan changed, action by action (matched by id): "added action “Train the data
/// team”", "“Train the data team” open → done", "removed action “Hire”".
fn plan_change(fw: &Framework, old: &[Action], new: &[Action]) -> String {
    let mut parts = Vec::new();
    for a in new {
        let Some(b) = old.iter().find(|b| b.id == a.id) else {
            parts.push(format!("added action {}", quote(&a.title)));
            continue;
        };
        let name = quote(&b.title);
        if a.title != b.title {
            parts.push(format!("{name} renamed {}", quote(&a.title)));
        }
        if a.status != b.status {
            parts.push(format!(
                "{} {} → {}",
                quote(&a.title),
                b.status.words(),
                a.status.words()
            ));
        }
        if a.owner != b.owner {
            parts.push(format!(
                "{} owner {} → {}",
                quote(&a.title),
                owner(fw, &b.owner),
                owner(fw, &a.owner)
            ));
        }
        if a.due != b.due {
            let due = |d: &Option<String>| d.clone().unwrap_or_else(|| "none".into());
            parts.push(format!(
                "{} due {} → {}",
                quote(&a.title),
                due(&b.due),
                due(&a.due)
            ));
        }
        if a.note != b.note {
            let what = match (b.note.trim().is_empty(), a.note.trim().is_empty()) {
                (true, _) => "note added",
                (_, true) => "note cleared",
                _ => "note edited",
            };
            parts.push(format!("{} {what}", quote(&a.title)));
        }
    }
    for b in old.iter().filter(|b| !new.iter().any(|a| a.id == b.id)) {
        parts.push(format!("removed action {}", quote(&b.title)));
    }
    if parts.is_empty() && old != new {
        return "actions reordered".to_string();
    }
    if parts.len() > ACTION_CHANGES_NAMED {
        let more = parts.len() - ACTION_CHANGES_NAMED;
        parts.truncate(ACTION_CHANGES_NAMED);
        parts.push(format!("and {more} more"));
    }
    parts.join("; ")
}

/// One field's change in words, without the capability: "target maturity 4 → 3", "added
/// action “Train the data team”". The history timeline and a comparison show these.
pub(crate) fn field_change(
    fw: &Framework,
    capability: &str,
    field: &str,
    old: &Value,
    new: &Value,
) -> String {
    if field == "actions" {
        if let (Some(a), Some(b)) = (actions(old), actions(new)) {
            return plan_change(fw, &a, &b);
        }
    }
    format!(
        "{} {} → {}",
        label(capability, field),
        value(fw, field, old),
        value(fw, field, new)
    )
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
                .map(|(cap, field, old, new)| field_change(fw, cap, field, old, new))
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
