//! The records people keep about their organisation, and the checks that make them valid.
//!
//! An `Assessment` is validated against the loaded framework before it is stored (the
//! capability exists, maturity is on the pack's scale, stage and owner are nodes of the right
//! kind), so everything inside the store can trust it. Fields serialise in a fixed order, which
//! keeps exports byte-stable.

use super::actions::{tidy_actions, Action};
use super::error::StoreError;
use crate::graph::Framework;
use crate::limits::{self, echo};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
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
    /// The improvement plan for this capability.
    pub actions: Vec<Action>,
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
    "actions",
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
    pub fn set_field(&mut self, field: &str, value: Value) -> Result<(), StoreError> {
        if !FIELDS.contains(&field) {
            return Err(StoreError::invalid(
                "assessment",
                echo(field),
                "is not an assessment field",
            ));
        }
        let mut v = serde_json::to_value(&*self).expect("an assessment serialises");
        let shown = echo(&value.to_string());
        v[field] = value;
        // serde's own message would repeat the whole value, however long.
        *self = serde_json::from_value(v).map_err(|_| {
            StoreError::invalid(
                "assessment",
                field,
                format!("{shown} is not a valid {field}"),
            )
        })?;
        Ok(())
    }

    /// Checks the assessment against the framework and tidies harmless noise (surrounding
    /// spaces, duplicate tags). `record` names it in any error.
    pub fn validated(
        self,
        fw: &Framework,
        capability: &str,
        record: &str,
    ) -> Result<Assessment, StoreError> {
        check_capability(fw, capability, record)?;
        self.tidied(fw, record)
    }

    /// Checks every value against the framework and the size limits, and tidies, without
    /// looking the capability up: history keeps values of capabilities a newer pack dropped,
    /// and those values must still be on the scale and of the right shape.
    pub(crate) fn tidied(mut self, fw: &Framework, record: &str) -> Result<Assessment, StoreError> {
        let scale = &fw.manifest().maturity;
        let (lo, hi) = fw.manifest().scale_ends();
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
                        format!("`{}` is not a {kind} of this framework", echo(id)),
                    ));
                }
            }
        }
        within(record, "notes", &self.notes, limits::MAX_NOTES_CHARS)?;
        if let Some(reason) = &self.not_applicable {
            within(record, "not_applicable", reason, limits::MAX_REASON_CHARS)?;
            if reason.trim().is_empty() {
                return Err(StoreError::invalid(
                    record,
                    "not_applicable",
                    "a reason is required when a capability does not apply",
                ));
            }
        }
        if self.evidence.len() > limits::MAX_EVIDENCE {
            return Err(StoreError::invalid(
                record,
                "evidence",
                format!(
                    "{} links is more than the {} allowed",
                    self.evidence.len(),
                    limits::MAX_EVIDENCE
                ),
            ));
        }
        for (i, e) in self.evidence.iter_mut().enumerate() {
            e.label = e.label.trim().to_string();
            e.url = e.url.trim().to_string();
            within(
                record,
                &format!("evidence[{i}].label"),
                &e.label,
                limits::MAX_EVIDENCE_LABEL_CHARS,
            )?;
            within(
                record,
                &format!("evidence[{i}].url"),
                &e.url,
                limits::MAX_URL_CHARS,
            )?;
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
            within(record, "tags", t, limits::MAX_TAG_CHARS)?;
            if !tags.iter().any(|x| x == t) {
                tags.push(t.to_string());
            }
        }
        if tags.len() > limits::MAX_TAGS {
            return Err(StoreError::invalid(
                record,
                "tags",
                format!(
                    "{} tags is more than the {} allowed",
                    tags.len(),
                    limits::MAX_TAGS
                ),
            ));
        }
        self.tags = tags;
        self.actions = tidy_actions(std::mem::take(&mut self.actions), record)?;
        Ok(self)
    }
}

/// Refuses text longer than `max` characters, naming the field and the limit.
pub(crate) fn within(record: &str, field: &str, text: &str, max: usize) -> Result<(), StoreError> {
    let n = text.chars().count();
    if n > max {
        return Err(StoreError::invalid(
            record,
            field,
            format!("{n} characters is more than the {max} allowed"),
        ));
    }
    Ok(())
}

/// Checks that `value` is a valid value of the assessment field `field`: one the app itself
/// could have stored. History is checked this way on import and again before undo or redo
/// writes a value back, whoever wrote the history.
pub(crate) fn check_assessment_value(
    fw: &Framework,
    field: &str,
    value: &Value,
    record: &str,
) -> Result<(), StoreError> {
    let mut a = Assessment::default();
    a.set_field(field, value.clone()).map_err(|e| match e {
        StoreError::Invalid { field, reason, .. } => StoreError::invalid(record, field, reason),
        other => other,
    })?;
    a.tidied(fw, record).map(|_| ())
}

/// Reads a patch field that is present, even as `null`, as `Some`: `null` clears the field,
/// absence leaves it alone.
fn present<'de, T: Deserialize<'de>, D: Deserializer<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// The fields one writer changed, and their new values; absent fields are left as stored.
/// Writers send this rather than a whole assessment, so two writers editing different fields
/// of the same capability never revert each other from a stale copy.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct AssessmentPatch {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub current: Option<Option<u8>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub target: Option<Option<u8>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub priority: Option<Option<Priority>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub stage: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub owner: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub not_applicable: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub notes: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub evidence: Option<Vec<Evidence>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub tags: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub confidence: Option<Option<Confidence>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub actions: Option<Vec<Action>>,
}

impl<'de> Deserialize<'de> for AssessmentPatch {
    /// Written by hand around a private twin because ts-rs cannot read `deserialize_with`.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Default, Deserialize)]
        #[serde(deny_unknown_fields, default)]
        struct Sent {
            #[serde(deserialize_with = "present")]
            current: Option<Option<u8>>,
            #[serde(deserialize_with = "present")]
            target: Option<Option<u8>>,
            #[serde(deserialize_with = "present")]
            priority: Option<Option<Priority>>,
            #[serde(deserialize_with = "present")]
            stage: Option<Option<String>>,
            #[serde(deserialize_with = "present")]
            owner: Option<Option<String>>,
            #[serde(deserialize_with = "present")]
            not_applicable: Option<Option<String>>,
            #[serde(deserialize_with = "present")]
            notes: Option<String>,
            #[serde(deserialize_with = "present")]
            evidence: Option<Vec<Evidence>>,
            #[serde(deserialize_with = "present")]
            tags: Option<Vec<String>>,
            #[serde(deserialize_with = "present")]
            confidence: Option<Option<Confidence>>,
            #[serde(deserialize_with = "present")]
            actions: Option<Vec<Action>>,
        }
        let s = Sent::deserialize(d)?;
        Ok(AssessmentPatch {
            current: s.current,
            target: s.target,
            priority: s.priority,
            stage: s.stage,
            owner: s.owner,
            not_applicable: s.not_applicable,
            notes: s.notes,
            evidence: s.evidence,
            tags: s.tags,
            confidence: s.confidence,
            actions: s.actions,
        })
    }
}

impl AssessmentPatch {
    /// The fields that differ from `base` to `new`, with their values in `new`.
    pub fn between(base: &Assessment, new: &Assessment) -> AssessmentPatch {
        fn changed<T: PartialEq + Clone>(a: &T, b: &T) -> Option<T> {
            (a != b).then(|| b.clone())
        }
        AssessmentPatch {
            current: changed(&base.current, &new.current),
            target: changed(&base.target, &new.target),
            priority: changed(&base.priority, &new.priority),
            stage: changed(&base.stage, &new.stage),
            owner: changed(&base.owner, &new.owner),
            not_applicable: changed(&base.not_applicable, &new.not_applicable),
            notes: changed(&base.notes, &new.notes),
            evidence: changed(&base.evidence, &new.evidence),
            tags: changed(&base.tags, &new.tags),
            confidence: changed(&base.confidence, &new.confidence),
            actions: changed(&base.actions, &new.actions),
        }
    }

    /// The names of the fields this patch sets, in `FIELDS` order.
    pub fn fields(&self) -> Vec<&'static str> {
        let v = serde_json::to_value(self).expect("a patch serialises");
        FIELDS
            .iter()
            .copied()
            .filter(|f| v.get(f).is_some())
            .collect()
    }

    /// `base` with this patch's fields set.
    pub fn applied_to(&self, base: &Assessment) -> Assessment {
        let mut a = base.clone();
        fn set<T: Clone>(to: &mut T, from: &Option<T>) {
            if let Some(v) = from {
                *to = v.clone();
            }
        }
        set(&mut a.current, &self.current);
        set(&mut a.target, &self.target);
        set(&mut a.priority, &self.priority);
        set(&mut a.stage, &self.stage);
        set(&mut a.owner, &self.owner);
        set(&mut a.not_applicable, &self.not_applicable);
        set(&mut a.notes, &self.notes);
        set(&mut a.evidence, &self.evidence);
        set(&mut a.tags, &self.tags);
        set(&mut a.confidence, &self.confidence);
        set(&mut a.actions, &self.actions);
        a
    }
}

impl From<Assessment> for AssessmentPatch {
    /// Every field set: a writer that states the whole assessment (a script, a test).
    fn from(a: Assessment) -> AssessmentPatch {
        AssessmentPatch {
            current: Some(a.current),
            target: Some(a.target),
            priority: Some(a.priority),
            stage: Some(a.stage),
            owner: Some(a.owner),
            not_applicable: Some(a.not_applicable),
            notes: Some(a.notes),
            evidence: Some(a.evidence),
            tags: Some(a.tags),
            confidence: Some(a.confidence),
            actions: Some(a.actions),
        }
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
                format!(
                    "`{}` is not a capability of this framework{hint}",
                    echo(capability)
                ),
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
        .ok_or_else(|| format!("`{}` must start with https:// or http://", echo(url)))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("`{}` is not a valid web address", echo(url)));
    }
    Ok(())
}

/// A UTC timestamp in RFC 3339, second precision; written by hand to avoid a date crate.
pub(crate) fn now() -> String {
    timestamp(now_secs())
}

/// Today's date in UTC, `YYYY-MM-DD`.
pub fn today() -> String {
    now()[..10].to_string()
}

/// Seconds since the Unix epoch, now.
pub(crate) fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// `secs` since the Unix epoch as `now` writes it. Timestamps in this one shape sort as text in
/// time order, which is what lets SQL compare them.
pub(crate) fn timestamp(secs: i64) -> String {
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
