//! Facilitators' own tours. They are app data, not organisation data: shared by every
//! organisation, with no history, and kept apart from the pack's built-in tours, which can be
//! copied but never overwritten.

use super::error::StoreError;
use super::model::now;
use super::{SavedView, Store};
use crate::graph::Framework;
use crate::limits::echo;
use crate::tours::{slug, NodeLines, Tour};
use rusqlite::{params, OptionalExtension};

impl Store {
    /// The user's tours, by title.
    pub fn user_tours(&self) -> Result<Vec<Tour>, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT id, data FROM tours")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut tours = Vec::new();
        for row in rows {
            let (id, data) = row?;
            let tour: Tour = serde_json::from_str(&data).map_err(|e| {
                StoreError::invalid(format!("stored tour `{id}`"), "data", e.to_string())
            })?;
            tours.push(tour);
        }
        tours.sort_by_cached_key(|t| (t.title.to_lowercase(), t.id.clone()));
        Ok(tours)
    }

    /// Creates (empty `id`) or replaces a user tour after checking it against the framework.
    /// A new tour's id is made from its title and never collides with any other tour.
    pub fn save_tour(&mut self, fw: &Framework, mut tour: Tour) -> Result<Tour, StoreError> {
        tour.title = tour.title.trim().to_string();
        if fw.tours().iter().any(|t| t.id == tour.id) {
            return Err(StoreError::invalid(
                format!("tour `{}`", echo(&tour.title)),
                "id",
                "built-in tours cannot be changed; duplicate it to make your own",
            ));
        }
        if tour.id.is_empty() {
            tour.id = self.free_tour_id(fw, &slug(&tour.title))?;
        } else if self.user_tour(&tour.id)?.is_none() {
            return Err(StoreError::NotFound(format!(
                "there is no tour with the id `{}`",
                echo(&tour.id)
            )));
        }
        // User tours list by title; the pack's listing order means nothing among them.
        tour.order = None;
        check(fw, &self.saved_views(&fw.manifest().id)?, &tour, None)?;
        let data = serde_json::to_string(&tour).expect("a tour serialises");
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO tours (id, data, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
            params![tour.id, data, now()],
        )?;
        tx.commit()?;
        Ok(tour)
    }

    pub fn delete_tour(&mut self, id: &str) -> Result<(), StoreError> {
        let tx = self.write()?;
        if tx.execute("DELETE FROM tours WHERE id = ?1", [id])? == 0 {
            return Err(StoreError::NotFound(format!(
                "there is no tour of yours with the id `{}`",
                echo(id)
            )));
        }
        tx.commit()?;
        Ok(())
    }

    /// Adds a tour from a file's text as a new user tour. An import never replaces a tour: if
    /// its id is taken, it gets a free one.
    pub fn import_tour(&mut self, fw: &Framework, text: &str) -> Result<Tour, StoreError> {
        let mut tour = Tour::parse(text).map_err(|p| {
            StoreError::invalid(
                "tour file",
                p.line.map(|l| format!("line {l}")).unwrap_or_default(),
                p.message,
            )
        })?;
        check(fw, &self.saved_views(&fw.manifest().id)?, &tour, Some(text))?;
        tour.id = self.free_tour_id(fw, &tour.id)?;
        tour.order = None;
        let data = serde_json::to_string(&tour).expect("a tour serialises");
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO tours (id, data, updated_at) VALUES (?1, ?2, ?3)",
            params![tour.id, data, now()],
        )?;
        tx.commit()?;
        Ok(tour)
    }

    fn user_tour(&self, id: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT data FROM tours WHERE id = ?1", [id], |r| r.get(0))
            .optional()?)
    }

    /// `base`, or `base-2`, `base-3`, … whichever no built-in or user tour has.
    fn free_tour_id(&self, fw: &Framework, base: &str) -> Result<String, StoreError> {
        let taken = |id: &str| -> Result<bool, StoreError> {
            Ok(fw.tours().iter().any(|t| t.id == id) || self.user_tour(id)?.is_some())
        };
        if !taken(base)? {
            return Ok(base.to_string());
        }
        for n in 2.. {
            let id = format!("{base}-{n}");
            if !taken(&id)? {
                return Ok(id);
            }
        }
        unreachable!("some numbered id is free")
    }
}

/// The tour's first problem as a store error naming the tour and the field; a step's saved view
/// must be one of `views`.
fn check(
    fw: &Framework,
    views: &[SavedView],
    tour: &Tour,
    text: Option<&str>,
) -> Result<(), StoreError> {
    let lines = text.map(NodeLines::new);
    let line_of = |id: &str| lines.as_ref().and_then(|l| l.line_of(id));
    let known = |name: &str| views.iter().any(|v| v.name == name);
    let mut problems = tour.problems(fw, &line_of);
    problems.extend(tour.unknown_views(&known, &line_of));
    match problems.into_iter().next() {
        None => Ok(()),
        Some(p) => {
            let field = match p.line {
                Some(l) => format!("{} (line {l})", p.field),
                None => p.field,
            };
            let name = if tour.title.trim().is_empty() {
                echo(&tour.id)
            } else {
                echo(&tour.title)
            };
            Err(StoreError::invalid(
                format!("tour `{name}`"),
                field,
                p.message,
            ))
        }
    }
}
