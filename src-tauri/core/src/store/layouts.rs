//! Graph layouts saved per content pack, so the picture people learned stays put between
//! sessions. A layout is the app's own preference, not organisation data: it has no history
//! and is simply replaced.

use super::error::StoreError;
use super::model::now;
use super::Store;
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SavedLayout {
    /// Identifies the set of nodes the positions were computed for; the UI lays the graph out
    /// afresh when the pack's nodes have changed.
    pub fingerprint: String,
    pub positions: BTreeMap<String, Point>,
    /// Nodes the user dragged into place: a re-layout keeps them where they are.
    pub pinned: Vec<String>,
}

/// Larger than any real layout (5,000 nodes take about 250 KB); refuses runaway input.
const MAX_LAYOUT_BYTES: usize = 16 << 20;

impl Store {
    pub fn layout(&self, pack: &str) -> Result<Option<SavedLayout>, StoreError> {
        let data: Option<String> = self
            .conn
            .query_row("SELECT data FROM layouts WHERE pack = ?1", [pack], |r| {
                r.get(0)
            })
            .optional()?;
        // A layout that no longer parses is only a preference: the graph is laid out afresh.
        Ok(data.and_then(|d| serde_json::from_str(&d).ok()))
    }

    pub fn save_layout(&mut self, pack: &str, layout: &SavedLayout) -> Result<(), StoreError> {
        let bad = |reason: String| {
            StoreError::invalid(format!("layout of `{pack}`"), "positions", reason)
        };
        if let Some((id, _)) = layout
            .positions
            .iter()
            .find(|(_, p)| !p.x.is_finite() || !p.y.is_finite())
        {
            return Err(bad(format!("node `{id}` has no finite position")));
        }
        let data = serde_json::to_string(layout).expect("a layout serialises");
        if data.len() > MAX_LAYOUT_BYTES {
            return Err(bad(format!(
                "{} bytes is more than a layout can be",
                data.len()
            )));
        }
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO layouts (pack, data, saved_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (pack) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at",
            params![pack, data, now()],
        )?;
        tx.commit()?;
        Ok(())
    }
}
