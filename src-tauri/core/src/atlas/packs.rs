//! Opening another framework pack while the app runs, and the review of the assessments it
//! no longer has a capability for.
//!
//! A pack is loaded whole before anything changes (`content::load` reports every problem with
//! file and line); only a pack that loads replaces the one in effect, and the search index is
//! rebuilt for it. A pack that fails leaves everything as it was and answers its problems. The
//! folder is remembered in the preferences so the next start opens it; one that no longer
//! loads falls back to the built-in pack with a notice.
//!
//! Orphans — assessments of capabilities the pack does not have — are never dropped. The review
//! offers for each the nearest capabilities (an alias naming it, the same title, a similar id
//! or title) and two decisions, kept in the store (`store::orphans`).

use super::{Atlas, AtlasError};
use crate::content::LoadReport;
use crate::graph::Framework;
use crate::limits::{echo, ORPHAN_CANDIDATES};
use crate::preferences::Preferences;
use crate::store::{Assessment, OrphanDecision};
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use ts_rs::TS;

/// Where the framework in effect came from, and what the person should be told about it.
#[derive(Debug, Default)]
pub(super) struct PackOrigin {
    dir: Option<PathBuf>,
    notice: Option<String>,
    /// Titles of capabilities of packs replaced during this run, so the review can name an
    /// orphan by what it was called.
    titles: HashMap<String, String>,
}

/// The pack in effect, as the window shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PackStatus {
    /// The pack's name and version, as its manifest says.
    pub name: String,
    pub version: String,
    /// The folder it was opened from; `None` for the built-in pack (or one named when starting).
    pub dir: Option<String>,
    /// Said once the app started: a remembered folder that no longer loads, and why.
    pub notice: Option<String>,
}

/// A capability an orphan could be mapped to, and why it is offered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OrphanCandidate {
    pub id: String,
    pub title: String,
    /// Why it is near: "lists it as an alias", "same title", "similar id", "similar title".
    pub reason: String,
}

/// One orphan in the review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OrphanEntry {
    /// The capability id the assessment was made on.
    pub capability: String,
    /// What it was called, when an earlier pack of this run or an earlier decision knows.
    pub title: Option<String>,
    /// The assessment as stored (for a mapped one, as it now stands on its target).
    pub assessment: Assessment,
    /// Nearest first, at most `limits::ORPHAN_CANDIDATES`.
    pub candidates: Vec<OrphanCandidate>,
    /// `None` until reviewed.
    pub decision: Option<OrphanDecision>,
}

/// The orphan review of one organisation under the pack in effect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OrphanReview {
    pub orphans: Vec<OrphanEntry>,
    /// "Reviewed `reviewed` of `total`".
    pub reviewed: u32,
    pub total: u32,
}

impl Atlas {
    /// Opens the pack remembered in the preferences when there is one and it loads; else
    /// `fallback` (the built-in pack), with a notice saying why the remembered one was not used.
    pub fn open_remembered(
        fallback: impl FnOnce() -> Result<Framework, LoadReport>,
        data_dir: &Path,
        author: &str,
    ) -> Atlas {
        let remembered = Preferences::load(data_dir)
            .ok()
            .and_then(|p| p.pack_dir)
            .map(PathBuf::from);
        let Some(dir) = remembered else {
            return Atlas::open(fallback(), data_dir, author);
        };
        match crate::load_dir(&dir) {
            Ok(fw) => {
                let atlas = Atlas::open(Ok(fw), data_dir, author);
                atlas.origin().dir = Some(dir);
                atlas
            }
            Err(report) => {
                let atlas = Atlas::open(fallback(), data_dir, author);
                atlas.origin().notice = Some(format!(
                    "The framework pack in {} could not be loaded ({} problem{}, the first: {}); the built-in pack is open instead.",
                    echo(&dir.display().to_string()),
                    report.problems.len(),
                    if report.problems.len() == 1 { "" } else { "s" },
                    report.problems.first().map(|p| echo(&p.to_string())).unwrap_or_default()
                ));
                atlas
            }
        }
    }

    /// Loads the pack in `dir` whole and, only if it loads, puts it in effect, rebuilds the
    /// search index and remembers the folder for the next start. A pack with any problem
    /// changes nothing and answers every problem.
    pub fn open_pack(&self, dir: &Path) -> Result<PackStatus, LoadReport> {
        let _one_at_a_time = self.opening.lock().unwrap_or_else(|e| e.into_inner());
        let fw = crate::load_dir(dir)?;
        let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        let replaced = {
            let mut slot = self.framework.write().unwrap_or_else(|e| e.into_inner());
            std::mem::replace(&mut *slot, Ok(Arc::new(fw)))
        };
        {
            let mut origin = self.origin();
            if let Ok(old) = replaced {
                for n in old.nodes().filter(|n| n.kind == "capability") {
                    origin.titles.insert(n.id.clone(), n.title.clone());
                }
            }
            origin.dir = Some(dir.clone());
            origin.notice = None;
        }
        *super::lock(&self.search) = None;
        self.build_search();
        // Remembering is a courtesy: the pack is open either way, and an unwritable preferences
        // file is said by the Preferences dialog.
        if let Ok(prefs) = Preferences::load(&self.data_dir) {
            let _ = Preferences {
                pack_dir: Some(dir.display().to_string()),
                ..prefs
            }
            .save(&self.data_dir);
        }
        Ok(self.pack_status())
    }

    /// The pack in effect and where it came from.
    pub fn pack_status(&self) -> PackStatus {
        let (name, version) = match self.framework() {
            Ok(fw) => (fw.manifest().name.clone(), fw.manifest().version.clone()),
            Err(_) => (String::new(), String::new()),
        };
        let origin = self.origin();
        PackStatus {
            name,
            version,
            dir: origin.dir.as_ref().map(|d| d.display().to_string()),
            notice: origin.notice.clone(),
        }
    }

    /// The organisation's orphans under the pack in effect: each with its candidates and what
    /// was decided, and how many of them were reviewed.
    pub fn orphan_review(&self, org: i64) -> Result<OrphanReview, AtlasError> {
        let fw = self.framework()?;
        let (orphans, decisions, assessments) = self.with_store(|s| {
            Ok((
                s.orphans(&fw, org)?,
                s.orphan_decisions(&fw, org)?,
                s.assessments(org)?,
            ))
        })?;
        let known = self.origin().titles.clone();
        let mut entries = Vec::new();
        for capability in &orphans {
            let decided = decisions.iter().find(|d| &d.capability == capability);
            let title = decided
                .and_then(|d| d.title.clone())
                .or_else(|| known.get(capability).cloned());
            // A mapping that was undone brings the orphan back: it is to be reviewed again.
            let decision = decided
                .map(|d| d.decision.clone())
                .filter(|d| *d == OrphanDecision::Archived);
            entries.push(OrphanEntry {
                candidates: candidates(&fw, capability, title.as_deref()),
                capability: capability.clone(),
                title,
                assessment: assessments.get(capability).cloned().unwrap_or_default(),
                decision,
            });
        }
        for d in &decisions {
            if let OrphanDecision::Mapped { target } = &d.decision {
                if !orphans.contains(&d.capability) {
                    entries.push(OrphanEntry {
                        capability: d.capability.clone(),
                        title: d.title.clone(),
                        assessment: assessments.get(target).cloned().unwrap_or_default(),
                        candidates: Vec::new(),
                        decision: Some(d.decision.clone()),
                    });
                }
            }
        }
        entries.sort_by(|a, b| a.capability.cmp(&b.capability));
        let reviewed = entries.iter().filter(|e| e.decision.is_some()).count() as u32;
        Ok(OrphanReview {
            total: entries.len() as u32,
            reviewed,
            orphans: entries,
        })
    }

    /// Moves the orphan's assessment to `target` (one undoable change); see `Store::map_orphan`.
    pub fn map_orphan(
        &self,
        org: i64,
        capability: &str,
        target: &str,
    ) -> Result<OrphanReview, AtlasError> {
        let fw = self.framework()?;
        let title = self.origin().titles.get(capability).cloned();
        self.with_store(|s| s.map_orphan(&fw, org, capability, target, title.as_deref()))?;
        self.reindex(org);
        self.orphan_review(org)
    }

    /// Records that the orphan was reviewed and is kept as it is.
    pub fn archive_orphan(&self, org: i64, capability: &str) -> Result<OrphanReview, AtlasError> {
        let fw = self.framework()?;
        let title = self.origin().titles.get(capability).cloned();
        self.with_store(|s| s.archive_orphan(&fw, org, capability, title.as_deref()))?;
        self.orphan_review(org)
    }

    fn origin(&self) -> std::sync::MutexGuard<'_, PackOrigin> {
        self.pack.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The capabilities nearest to the orphan `id` (once called `title`), best first: one listing
/// it as an alias, then one with the same title, then by how few edits turn one id or title
/// into the other. A capability more than half different in both is not offered.
pub fn candidates(fw: &Framework, id: &str, title: Option<&str>) -> Vec<OrphanCandidate> {
    let norm = |s: &str| s.trim().to_lowercase();
    let id_n = norm(id);
    let title_n = title.map(norm);
    let mut scored: Vec<(usize, String, OrphanCandidate)> = Vec::new();
    for n in fw.nodes().filter(|n| n.kind == "capability") {
        let ratio = |a: &str, b: &str| {
            let longest = a.chars().count().max(b.chars().count()).max(1);
            crate::suggest::distance(a, b) * 100 / longest
        };
        let by_id = ratio(&id_n, &norm(&n.id));
        let by_title = title_n
            .as_deref()
            .map(|t| ratio(t, &norm(&n.title)))
            .unwrap_or(100);
        let (score, reason) = if n.aliases.iter().any(|a| norm(a) == id_n) {
            (0, "lists it as an alias".to_string())
        } else if by_title == 0 {
            (1, "same title".to_string())
        } else if by_id <= by_title && by_id <= 50 {
            (2 + by_id, "similar id".to_string())
        } else if by_title <= 50 {
            (2 + by_title, "similar title".to_string())
        } else {
            continue;
        };
        scored.push((
            score,
            n.id.clone(),
            OrphanCandidate {
                id: n.id.clone(),
                title: n.title.clone(),
                reason,
            },
        ));
    }
    scored.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    scored
        .into_iter()
        .take(ORPHAN_CANDIDATES)
        .map(|(_, _, c)| c)
        .collect()
}
