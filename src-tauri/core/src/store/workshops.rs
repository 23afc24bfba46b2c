//! Workshops: a facilitated session with one organisation. While a workshop runs, every
//! change to the organisation is attributed to it (see `history::record`), and the room's
//! dot-votes are counted per capability. Ending it can keep a snapshot named after it.

use super::error::StoreError;
use super::model::{check_capability, now, within};
use super::snapshots::Snapshot;
use super::Store;
use crate::graph::Framework;
use crate::limits::{self, echo};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Workshop {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub org_id: i64,
    pub title: String,
    /// The tour it was started from, if any.
    pub tour: Option<String>,
    pub started_at: String,
    /// `None` while it is running.
    pub ended_at: Option<String>,
    /// Dot-votes per capability; capabilities with none are absent.
    pub votes: BTreeMap<String, u32>,
}

/// More dots than any room hands out; catches a stuck key.
const MAX_VOTES: i64 = 999;

impl Store {
    /// Starts a workshop with the organisation. One runs at a time per organisation, so a
    /// change can only ever belong to one.
    pub fn start_workshop(
        &mut self,
        org: i64,
        title: &str,
        tour: Option<&str>,
    ) -> Result<Workshop, StoreError> {
        let org_name = echo(&self.organisation(org)?.name);
        let title = title.trim();
        if title.is_empty() {
            return Err(StoreError::invalid(
                format!("workshop with `{org_name}`"),
                "title",
                "a workshop needs a title",
            ));
        }
        within(
            &format!("workshop with `{org_name}`"),
            "title",
            title,
            limits::MAX_NAME_CHARS,
        )?;
        if let Some(tour) = tour {
            within(
                &format!("workshop with `{org_name}`"),
                "tour",
                tour,
                limits::MAX_NAME_CHARS,
            )?;
        }
        if let Some(running) = self.running_workshop(org)? {
            return Err(StoreError::invalid(
                format!("workshop `{}`", echo(title)),
                "organisation",
                format!(
                    "`{org_name}` is already in the workshop `{}`; end it first",
                    running.title
                ),
            ));
        }
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO workshops (org_id, title, tour, started_at) VALUES (?1, ?2, ?3, ?4)",
            params![org, title, tour, now()],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        self.workshop(id)
    }

    /// Ends a running workshop. With `snapshot`, first keeps a snapshot of the organisation
    /// under that name; if the snapshot cannot be taken the workshop keeps running, so that
    /// the facilitator can pick another name.
    pub fn end_workshop(
        &mut self,
        id: i64,
        snapshot: Option<&str>,
    ) -> Result<(Workshop, Option<Snapshot>), StoreError> {
        let w = self.workshop(id)?;
        if w.ended_at.is_some() {
            return Err(StoreError::invalid(
                format!("workshop `{}`", w.title),
                "ended_at",
                "the workshop has already ended",
            ));
        }
        let snap = match snapshot {
            Some(name) => Some(self.take_snapshot(w.org_id, name)?),
            None => None,
        };
        let tx = self.write()?;
        tx.execute(
            "UPDATE workshops SET ended_at = ?2 WHERE id = ?1",
            params![id, now()],
        )?;
        tx.commit()?;
        Ok((self.workshop(id)?, snap))
    }

    /// Adds `delta` dots (negative to take some back) to a capability; returns its new count.
    pub fn vote(
        &mut self,
        fw: &Framework,
        workshop: i64,
        capability: &str,
        delta: i32,
    ) -> Result<u32, StoreError> {
        let w = self.workshop(workshop)?;
        let record = format!("workshop `{}`", w.title);
        check_capability(fw, capability, &record)?;
        if w.ended_at.is_some() {
            return Err(StoreError::invalid(
                record,
                "votes",
                "the workshop has ended; votes can only be recorded while it runs",
            ));
        }
        // Counted inside the transaction: two windows voting at once must both be counted.
        let tx = self.write()?;
        let had: i64 = tx
            .query_row(
                "SELECT count FROM votes WHERE workshop_id = ?1 AND capability = ?2",
                params![workshop, capability],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(0);
        let count = (had + i64::from(delta)).clamp(0, MAX_VOTES);
        if count == 0 {
            tx.execute(
                "DELETE FROM votes WHERE workshop_id = ?1 AND capability = ?2",
                params![workshop, capability],
            )?;
        } else {
            tx.execute(
                "INSERT INTO votes (workshop_id, capability, count) VALUES (?1, ?2, ?3)
                 ON CONFLICT (workshop_id, capability) DO UPDATE SET count = excluded.count",
                params![workshop, capability, count],
            )?;
        }
        tx.commit()?;
        Ok(count as u32)
    }

    /// The organisation's workshops, newest first.
    pub fn workshops(&self, org: i64) -> Result<Vec<Workshop>, StoreError> {
        self.organisation(org)?;
        let ids: Vec<i64> = self
            .conn
            .prepare_cached("SELECT id FROM workshops WHERE org_id = ?1 ORDER BY id DESC")?
            .query_map([org], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        ids.into_iter().map(|id| self.workshop(id)).collect()
    }

    pub fn running_workshop(&self, org: i64) -> Result<Option<Workshop>, StoreError> {
        let id: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM workshops WHERE org_id = ?1 AND ended_at IS NULL",
                [org],
                |r| r.get(0),
            )
            .optional()?;
        id.map(|id| self.workshop(id)).transpose()
    }

    pub fn workshop(&self, id: i64) -> Result<Workshop, StoreError> {
        let mut w = self
            .conn
            .query_row(
                "SELECT id, org_id, title, tour, started_at, ended_at FROM workshops WHERE id = ?1",
                [id],
                |r| {
                    Ok(Workshop {
                        id: r.get(0)?,
                        org_id: r.get(1)?,
                        title: r.get(2)?,
                        tour: r.get(3)?,
                        started_at: r.get(4)?,
                        ended_at: r.get(5)?,
                        votes: BTreeMap::new(),
                    })
                },
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("there is no workshop with id {id}")))?;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT capability, count FROM votes WHERE workshop_id = ?1")?;
        for row in stmt.query_map([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))? {
            let (cap, n) = row?;
            w.votes.insert(cap, n);
        }
        Ok(w)
    }
}
