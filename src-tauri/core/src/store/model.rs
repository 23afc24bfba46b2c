//! The records people keep about their organisation, and the checks that make them valid.
//!
//! An `Assessment` is validated against the loaded framework before it is stored (the
//! capability exists, maturity is on the pack's scale, stage and owner are nodes of the right
//! kind), so everything inside the store can trust it. Fields serialise in a fixed order, which
//! keeps exports byte-stable.

use super::error::StoreError;
use crate::graph::Framework;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An organisation being assessed. Deleted organisations are kept (and can be restored by
/// undo) but hidden from lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Organisation {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub description: String,
    pub created_at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    Low,
    Medium,
    High,
    Critical,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

/// A link to something that shows the assessment is true (a policy, a dashboard, a ticket).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub label: String,
    pub url: String,
}

/// Where one organisation stands on one capability. Every field is optional: an assessment
/// fills in over months.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields, default)]
pub struct Assessment {
    pub current: Option<u8>,
    pub target: Option<u8>,
    pub priority: Option<Priority>,
    /// A node id of kind `stage` (Envision, Align, Launch, Scale).
    pub stage: Option<String>,
    /// A node id of kind `stakeholder`.
    pub owner: Option<String>,
    /// Set when the capability does not apply; the text is the reason.
    pub not_applicable: Option<String>,
    /// Markdown; rendered and sanitised by `crate::markdown` before display.
    pub notes: String,
    pub evidence: Vec<Evidence>,
    pub tags: Vec<String>,
    pub confidence: Option<Confidence>,
}

/// The assessment fields, by the names history and errors use.
pub const FIELDS: &[&str] = &[
    "current",
    "target",
    "priority",
    "stage",
    "owner",
    "not_applicable",
    "notes",
    "evidence",
    "tags",
    "confidence",
];

impl Assessment {
    pub fn is_empty(&self) -> bool {
        *self == Assessment::default()
    }

    /// Each field as a JSON value, in `FIELDS` order: the unit of history and of diffs.
    pub fn fields(&self) -> Vec<(&'static str, serde_json::Value)> {
        let v = serde_json::to_value(self).expect("an assessment serialises");
        FIELDS.iter().map(|f| (*f, v[*f].clone())).collect()
    }

    /// Replaces one field from its JSON value (used by undo, redo and merges).
    pub fn set_field(&mut self, field: &str, value: serde_json::Value) -> Result<(), StoreError> {
        let mut v = serde_json::to_value(&*self).expect("an assessment serialises");
        v[field] = value;
        *self = serde_json::from_value(v)
            .map_err(|e| StoreError::invalid("assessment", field, e.to_string()))?;
        Ok(())
    }

    /// Checks the assessment against the framework and tidies harmless noise (surrounding
    /// spaces, duplicate tags). `record` names it in any error.
    pub fn validated(
        mut self,
        fw: &Framework,
        capability: &str,
        record: &str,
    ) -> Result<Assessment, StoreError> {
        check_capability(fw, capability, record)?;
        let scale = &fw.manifest().maturity;
        let (lo, hi) = (
            scale.iter().map(|l| l.level).min().unwrap_or(0),
            scale.iter().map(|l| l.level).max().unwrap_or(0),
        );
        for (name, value) in [("current", self.current), ("target", self.target)] {
            if let Some(v) = value {
                if !scale.iter().any(|l| l.level == v) {
                    return Err(StoreError::invalid(
                        record,
                        name,
                        format!("{v} is not on the maturity scale ({lo}–{hi})"),
                    ));
                }
            }
        }
        for (name, value, kind) in [
            ("stage", &self.stage, "stage"),
            ("owner", &self.owner, "stakeholder"),
        ] {
            if let Some(id) = value {
                if fw.node(id).map(|n| n.kind.as_str()) != Some(kind) {
                    return Err(StoreError::invalid(
                        record,
                        name,
                        format!("`{id}` is not a {kind} of this framework"),
                    ));
                }
            }
        }
        if let Some(reason) = &self.not_applicable {
            if reason.trim().is_empty() {
                return Err(StoreError::invalid(
                    record,
                    "not_applicable",
                    "a reason is required when a capability does not apply",
                ));
            }
        }
        for (i, e) in self.evidence.iter_mut().enumerate() {
            e.label = e.label.trim().to_string();
            e.url = e.url.trim().to_string();
            check_url(&e.url).map_err(|reason| {
                StoreError::invalid(record, format!("evidence[{i}].url"), reason)
            })?;
            if e.label.is_empty() {
                return Err(StoreError::invalid(
                    record,
                    format!("evidence[{i}].label"),
                    "a label is required",
                ));
            }
        }
        let mut tags: Vec<String> = Vec::new();
        for t in self.tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
            if !tags.iter().any(|x| x == t) {
                tags.push(t.to_string());
            }
        }
        self.tags = tags;
        Ok(self)
    }
}

pub(crate) fn check_capability(
    fw: &Framework,
    capability: &str,
    record: &str,
) -> Result<(), StoreError> {
    match fw.node(capability) {
        Some(n) if n.kind == "capability" => Ok(()),
        _ => {
            let hint = fw
                .suggest(capability)
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            Err(StoreError::invalid(
                record,
                "capability",
                format!("`{capability}` is not a capability of this framework{hint}"),
            ))
        }
    }
}

/// Evidence must be a web link: it is shown as a clickable link, so anything else
/// (`javascript:`, `file:`) would be a hazard.
fn check_url(url: &str) -> Result<(), String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("`{url}` must start with https:// or http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("`{url}` is not a valid web address"));
    }
    Ok(())
}

/// A UTC timestamp in RFC 3339, second precision; written by hand to avoid a date crate.
pub(crate) fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Howard Hinnant's days-to-civil algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Whether the app can read and write organisation data, shown in its header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StoreStatus {
    /// Why the store could not be opened at all (damaged or newer database).
    pub error: Option<String>,
    /// Why the store can be read but not written.
    pub read_only: Option<String>,
}
