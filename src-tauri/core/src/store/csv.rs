//! CSV export: one row per capability of the pack (assessed or not) per organisation, plus any
//! orphaned assessments, for spreadsheets. Export only; the JSON document is the exact format.

use super::error::StoreError;
use super::model::Assessment;
use super::Store;
use crate::graph::Framework;

const HEADER: &[&str] = &[
    "organisation",
    "capability",
    "title",
    "orphaned",
    "current",
    "target",
    "priority",
    "stage",
    "owner",
    "not_applicable",
    "confidence",
    "tags",
    "evidence",
    "notes",
];

/// RFC 4180 quoting; a leading `=`, `+`, `-` or `@` is prefixed with `'` so a spreadsheet
/// does not run a note as a formula.
fn cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
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

impl Store {
    pub fn export_csv(&self, fw: &Framework, org: Option<i64>) -> Result<String, StoreError> {
        let orgs = match org {
            Some(id) => vec![self.organisation(id)?],
            None => self.organisations()?,
        };
        let mut caps: Vec<_> = fw.nodes_of_kind("capability");
        caps.sort_by_key(|n| {
            (
                fw.parent(&n.id).and_then(|p| p.order),
                n.order,
                n.id.clone(),
            )
        });
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
