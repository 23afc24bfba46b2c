//! Assessing: one capability or many, undo and redo, history, snapshots and comparison, the
//! dashboard, and the graph layouts kept beside them. Every write re-indexes the organisation's
//! words before it returns.

use super::{Atlas, AtlasError};
use crate::reports::{self, Dashboard};
use crate::store::field_change;
use crate::store::{
    Assessment, AssessmentPatch, BulkEdit, Comparison, HistoryEntry, SavedLayout, Side, Snapshot,
    UndoOutcome,
};
use std::collections::BTreeMap;

impl Atlas {
    /// An organisation's assessment of one capability (empty when never assessed).
    pub fn assessment(&self, org: i64, capability: &str) -> Result<Assessment, AtlasError> {
        self.with_store(|s| s.assessment(org, capability))
    }

    /// An organisation's notes on one capability as safe HTML, rendered from markdown like
    /// every body in the app, for a room or a facilitator to read (empty when there are none).
    pub fn notes_html(&self, org: i64, capability: &str) -> Result<String, AtlasError> {
        let notes = self.assessment(org, capability)?.notes;
        Ok(if notes.trim().is_empty() {
            String::new()
        } else {
            crate::markdown::render(&notes)
        })
    }

    /// Every assessment of the organisation, by capability id.
    pub fn assessments(&self, org: i64) -> Result<BTreeMap<String, Assessment>, AtlasError> {
        self.with_store(|s| s.assessments(org))
    }

    /// Applies just the fields in `changes` to the assessment as stored now; returns it stored.
    pub fn save_assessment(
        &self,
        org: i64,
        capability: &str,
        changes: impl Into<AssessmentPatch>,
    ) -> Result<Assessment, AtlasError> {
        let saved = self.with_both(|fw, s| s.save_assessment(fw, org, capability, changes))?;
        self.reindex(org);
        Ok(saved)
    }

    /// Sets one field on many capabilities as one change (one undo step); all or nothing.
    pub fn save_assessments(
        &self,
        org: i64,
        capabilities: &[String],
        edit: &BulkEdit,
    ) -> Result<BTreeMap<String, Assessment>, AtlasError> {
        let saved = self.with_both(|fw, s| s.save_assessments(fw, org, capabilities, edit))?;
        self.reindex(org);
        Ok(saved)
    }

    /// Reverts the organisation's last change.
    pub fn undo(&self, org: i64) -> Result<UndoOutcome, AtlasError> {
        let outcome = self.with_both(|fw, s| s.undo(fw, org))?;
        self.reindex(org);
        Ok(outcome)
    }

    /// Re-applies the organisation's last undone change.
    pub fn redo(&self, org: i64) -> Result<UndoOutcome, AtlasError> {
        let outcome = self.with_both(|fw, s| s.redo(fw, org))?;
        self.reindex(org);
        Ok(outcome)
    }

    /// The organisation's change history, oldest first; with a capability, its timeline only.
    pub fn history(
        &self,
        org: i64,
        capability: Option<&str>,
    ) -> Result<Vec<HistoryEntry>, AtlasError> {
        let fw = self.framework()?;
        let mut entries = self.with_store(|s| s.history(org, capability))?;
        for e in &mut entries {
            e.words = field_change(&fw, &e.capability, &e.field, &e.old, &e.new);
        }
        Ok(entries)
    }

    /// The organisation's snapshots, oldest first.
    pub fn snapshots(&self, org: i64) -> Result<Vec<Snapshot>, AtlasError> {
        self.with_store(|s| s.snapshots(org))
    }

    /// Freezes the organisation's assessments under a name.
    pub fn take_snapshot(&self, org: i64, name: &str) -> Result<Snapshot, AtlasError> {
        self.with_store(|s| s.take_snapshot(org, name))
    }

    /// What differs between two sides, capability by capability.
    pub fn compare(&self, a: &Side, b: &Side) -> Result<Comparison, AtlasError> {
        self.with_both(|fw, s| s.compare(fw, a, b))
    }

    /// Compares two states of an organisation named as a person types them: `now`, a
    /// snapshot's name, or `org:OTHER`.
    pub fn compare_named(&self, org: i64, a: &str, b: &str) -> Result<Comparison, AtlasError> {
        self.with_both(|fw, s| {
            let (a, b) = (s.resolve_side(org, a)?, s.resolve_side(org, b)?);
            s.compare(fw, &a, &b)
        })
    }

    /// The organisation dashboard: scores per perspective, largest gaps, roadmap by stage, and
    /// the plan as of today (UTC).
    pub fn dashboard(&self, org: i64) -> Result<Dashboard, AtlasError> {
        self.dashboard_on(org, &crate::store::today())
    }

    /// The dashboard as it stands on `today` (`YYYY-MM-DD`): overdue actions are those due
    /// before it; done ones count from the organisation's newest snapshot.
    pub fn dashboard_on(&self, org: i64, today: &str) -> Result<Dashboard, AtlasError> {
        let fw = self.framework()?;
        let (assessments, newest) = self.with_store(|s| {
            let newest = match s.snapshots(org)?.pop() {
                Some(snap) => Some((snap.name, s.snapshot_assessments(snap.id)?)),
                None => None,
            };
            Ok((s.assessments(org)?, newest))
        })?;
        let plan = reports::PlanContext {
            today,
            since: newest.as_ref().map(|(name, data)| (name.as_str(), data)),
        };
        Ok(reports::dashboard(&fw, &assessments, plan))
    }

    /// The graph layout saved for a content pack, if any.
    pub fn layout(&self, pack: &str) -> Result<Option<SavedLayout>, AtlasError> {
        self.with_store(|s| s.layout(pack))
    }

    /// Saves the graph layout of a content pack, replacing the previous one.
    pub fn save_layout(&self, pack: &str, layout: &SavedLayout) -> Result<(), AtlasError> {
        self.with_store(|s| s.save_layout(pack, layout))
    }
}
