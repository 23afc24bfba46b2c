//! Named views of the graph, per content pack: the filters, the lens, the focus and the camera
//! a person arranged, kept under a name to come back to (and for a tour step to show). Like a
//! layout, a view is the app's own preference, not organisation data: no history, simply
//! replaced or removed. Names are unique in a pack ignoring case and surrounding spaces,
//! checked here rather than by an index, as organisation names are.

use super::error::StoreError;
use super::model::now;
use super::organisations::name_key;
use super::Store;
use crate::limits::{echo, SAVED_VIEWS, SAVED_VIEW_BYTES, VIEW_NAME_CHARS};
use crate::tours::MAX_DEPTH;
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the graph's filters take away, by id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct ViewFilters {
    pub hidden_kinds: Vec<String>,
    pub hidden_edge_kinds: Vec<String>,
    pub hidden_perspectives: Vec<String>,
    /// Only this stakeholder and what concerns it, when set.
    pub stakeholder: Option<String>,
}

/// The focus: a node and how many steps around it stay in view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ViewFocus {
    pub node: String,
    pub depth: u8,
}

/// The camera: Cytoscape's zoom and pan.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct ViewCamera {
    pub zoom: f64,
    pub x: f64,
    pub y: f64,
}

/// A named view of the graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SavedView {
    pub name: String,
    pub filters: ViewFilters,
    /// The stakeholder whose lens is on, if any.
    pub lens: Option<String>,
    /// The selected node, and the focus depth around it (0: selected, no focus).
    pub focus: Option<ViewFocus>,
    pub camera: ViewCamera,
}

impl Store {
    /// The pack's saved views, by name ignoring case. A view that no longer parses is skipped:
    /// it is only a preference.
    pub fn saved_views(&self, pack: &str) -> Result<Vec<SavedView>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT data FROM saved_views WHERE pack = ?1")?;
        let rows = stmt.query_map([pack], |r| r.get::<_, String>(0))?;
        let mut views = Vec::new();
        for data in rows {
            if let Ok(view) = serde_json::from_str::<SavedView>(&data?) {
                views.push(view);
            }
        }
        views.sort_by_cached_key(|v| (name_key(&v.name), v.name.clone()));
        Ok(views)
    }

    /// Saves a new view. Its name (trimmed) must be free in the pack ignoring case.
    pub fn save_view(&mut self, pack: &str, mut view: SavedView) -> Result<SavedView, StoreError> {
        view.name = checked_name(&view.name)?;
        let data = checked_data(&view)?;
        let views = self.saved_views(pack)?;
        if let Some(taken) = views
            .iter()
            .find(|v| name_key(&v.name) == name_key(&view.name))
        {
            return Err(taken_name(&taken.name));
        }
        if views.len() >= SAVED_VIEWS {
            return Err(StoreError::invalid(
                format!("view `{}`", echo(&view.name)),
                "name",
                format!("a pack keeps at most {SAVED_VIEWS} saved views; delete one first"),
            ));
        }
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO saved_views (pack, name, data, saved_at) VALUES (?1, ?2, ?3, ?4)",
            params![pack, view.name, data, now()],
        )?;
        tx.commit()?;
        Ok(view)
    }

    /// Renames a view; the new name must be free ignoring case (its own old name aside).
    pub fn rename_view(
        &mut self,
        pack: &str,
        name: &str,
        new_name: &str,
    ) -> Result<SavedView, StoreError> {
        let new_name = checked_name(new_name)?;
        let views = self.saved_views(pack)?;
        let Some(mut view) = views.iter().find(|v| v.name == name).cloned() else {
            return Err(no_view(name));
        };
        if let Some(taken) = views
            .iter()
            .find(|v| v.name != name && name_key(&v.name) == name_key(&new_name))
        {
            return Err(taken_name(&taken.name));
        }
        view.name = new_name;
        let data = checked_data(&view)?;
        let tx = self.write()?;
        tx.execute(
            "DELETE FROM saved_views WHERE pack = ?1 AND name = ?2",
            params![pack, name],
        )?;
        tx.execute(
            "INSERT INTO saved_views (pack, name, data, saved_at) VALUES (?1, ?2, ?3, ?4)",
            params![pack, view.name, data, now()],
        )?;
        tx.commit()?;
        Ok(view)
    }

    pub fn delete_view(&mut self, pack: &str, name: &str) -> Result<(), StoreError> {
        let tx = self.write()?;
        if tx.execute(
            "DELETE FROM saved_views WHERE pack = ?1 AND name = ?2",
            params![pack, name],
        )? == 0
        {
            return Err(no_view(name));
        }
        tx.commit()?;
        Ok(())
    }
}

fn checked_name(name: &str) -> Result<String, StoreError> {
    let name = name.trim();
    let bad =
        |reason: String| StoreError::invalid(format!("view `{}`", echo(name)), "name", reason);
    if name.is_empty() {
        return Err(bad("a saved view needs a name".into()));
    }
    if name.chars().count() > VIEW_NAME_CHARS {
        return Err(bad(format!(
            "a view's name is at most {VIEW_NAME_CHARS} characters"
        )));
    }
    if name.chars().any(char::is_control) {
        return Err(bad("a view's name cannot hold control characters".into()));
    }
    Ok(name.to_string())
}

/// The view as stored, once its numbers are ones a camera can take and it is of a bounded size.
fn checked_data(view: &SavedView) -> Result<String, StoreError> {
    let bad = |field: &str, reason: String| {
        StoreError::invalid(format!("view `{}`", echo(&view.name)), field, reason)
    };
    let c = view.camera;
    if !(c.zoom.is_finite() && c.zoom > 0.0 && c.x.is_finite() && c.y.is_finite()) {
        return Err(bad(
            "camera",
            "the zoom must be a positive number and the pan finite".into(),
        ));
    }
    if let Some(focus) = &view.focus {
        if focus.depth > MAX_DEPTH {
            return Err(bad(
                "focus.depth",
                format!("depth {} is not between 0 and {MAX_DEPTH}", focus.depth),
            ));
        }
    }
    let data = serde_json::to_string(view).expect("a view serialises");
    if data.len() > SAVED_VIEW_BYTES {
        return Err(bad(
            "filters",
            format!(
                "{} KB is more than a saved view can hold ({} KB)",
                data.len().div_ceil(1024),
                SAVED_VIEW_BYTES / 1024
            ),
        ));
    }
    Ok(data)
}

fn taken_name(existing: &str) -> StoreError {
    StoreError::invalid(
        format!("view `{}`", echo(existing)),
        "name",
        format!("a saved view named `{}` already exists", echo(existing)),
    )
}

fn no_view(name: &str) -> StoreError {
    StoreError::NotFound(format!("there is no saved view named `{}`", echo(name)))
}
