//! CSV export: one row per capability of the pack (assessed or not) per organisation, plus any
//! orphaned assessments, for spreadsheets; and an organisation's improvement plan, one row per
//! action, under the header issue trackers import. `csv_import` reads the first back; the JSON
//! document is the complete format.

use super::csv_import::HEADER;
use super::error::StoreError;
use super::model::Assessment;
use super::Store;
use crate::graph::Framework;

/// RFC 4180 quoting; a leading `=`, `+`, `-` or `@` is prefixed with `'` so a spreadsheet
/// does not run a note as a formula (and a leading `'` too, so `csv_import` can tell the
/// quote it removes from one a person typed).
fn cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\'']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn enum_text<T: serde::Serialize>(v: &Option<T>) -> String {
    v.as_ref()
        .and_then(|x| serde_json::to_value(x).ok())
        .and_then(|x| x.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The columns a tracker (Jira, GitHub, Trello importers) maps without being told.
const ACTIONS_HEADER: &str = "Title,Description,Owner,Due date,Status,Capability";

/// Capabilities in the pack's order: perspective, then the capability's own place.
fn in_pack_order(fw: &Framework) -> Vec<&crate::model::Node> {
    let mut caps: Vec<_> = fw.nodes_of_kind("capability");
    caps.sort_by_key(|n| {
        (
            fw.parent(&n.id).and_then(|p| p.order),
            n.order,
            n.id.clone(),
        )
    });
    caps
}

impl Store {
    /// The organisation's actions as CSV for an issue tracker, in the pack's capability order
    /// (then capabilities the pack no longer has): the owner by the stakeholder's title when it
    /// is one, the status in words, the capability as "Title (id)".
    pub fn export_actions_csv(&self, fw: &Framework, org: i64) -> Result<String, StoreError> {
        let mut assessed = self.assessments(org)?;
        let mut rows: Vec<(String, Assessment)> = in_pack_order(fw)
            .into_iter()
            .filter_map(|n| {
                let a = assessed.remove(&n.id)?;
                Some((format!("{} ({})", n.title, n.id), a))
            })
            .collect();
        rows.extend(assessed.into_iter().map(|(c, a)| (c.clone(), a)));
        let mut out = format!("{ACTIONS_HEADER}\r\n");
        for (capability, a) in rows {
            for action in &a.actions {
                let owner = match &action.owner {
                    Some(id) => fw
                        .node(id)
                        .filter(|n| n.kind == "stakeholder")
                        .map(|n| n.title.clone())
                        .unwrap_or_else(|| id.clone()),
                    None => String::new(),
                };
                let status = action.status.words();
                let mut status_word = status[..1].to_uppercase();
                status_word.push_str(&status[1..]);
                let fields = [
                    action.title.as_str(),
                    action.note.as_str(),
                    owner.as_str(),
                    action.due.as_deref().unwrap_or(""),
                    status_word.as_str(),
                    capability.as_str(),
                ];
                out += &fields.map(cell).join(",");
                out += "\r\n";
            }
        }
        Ok(out)
    }

    pub fn export_csv(&self, fw: &Framework, org: Option<i64>) -> Result<String, StoreError> {
        let orgs = match org {
            Some(id) => vec![self.organisation(id)?],
            None => self.organisations()?,
        };
        let caps = in_pack_order(fw);
        let mut out = HEADER.join(",") + "\r\n";
        for o in orgs {
            let mut assessed = self.assessments(o.id)?;
            let mut rows: Vec<(String, String, bool, Assessment)> = caps
                .iter()
                .map(|n| {
                    (
                        n.id.clone(),
                        n.title.clone(),
                        false,
                        assessed.remove(&n.id).unwrap_or_default(),
                    )
                })
                .collect();
            rows.extend(assessed.into_iter().map(|(c, a)| (c.clone(), c, true, a)));
            for (cap, title, orphaned, a) in rows {
                let evidence: Vec<String> = a
                    .evidence
                    .iter()
                    .map(|e| format!("{} <{}>", e.label, e.url))
                    .collect();
                let fields = [
                    o.name.clone(),
                    cap,
                    title,
                    if orphaned {
                        "yes".into()
                    } else {
                        String::new()
                    },
                    a.current.map(|v| v.to_string()).unwrap_or_default(),
                    a.target.map(|v| v.to_string()).unwrap_or_default(),
                    enum_text(&a.priority),
                    a.stage.clone().unwrap_or_default(),
                    a.owner.clone().unwrap_or_default(),
                    a.not_applicable.clone().unwrap_or_default(),
                    enum_text(&a.confidence),
                    a.tags.join("; "),
                    evidence.join("; "),
                    a.notes.clone(),
                ];
                out += &fields.iter().map(|f| cell(f)).collect::<Vec<_>>().join(",");
                out += "\r\n";
            }
        }
        Ok(out)
    }
}
