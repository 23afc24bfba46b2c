//! Which of an organisation's words search finds, and keeping the index in step with the store.
//!
//! Every method of `Atlas` that writes organisation data calls `reindex` (or `reindex_all`)
//! before it returns, so a note is findable as soon as its save is acknowledged. Search is a
//! convenience: if re-indexing fails, the saved data is unaffected, so the failure is logged
//! rather than returned.

use super::{lock, Atlas};
use crate::search::NoteDoc;
use crate::store::Assessment;

/// The searchable text of an assessment: the notes, then each evidence label, the tags, the
/// reason it is not applicable, and each action's title and note. Levels, owners, dates and
/// statuses are not words anyone searches.
pub fn searchable_text(a: &Assessment) -> String {
    let mut text = a.notes.clone();
    for e in &a.evidence {
        text.push('\n');
        text.push_str(&e.label);
    }
    if !a.tags.is_empty() {
        text.push('\n');
        text.push_str(&a.tags.join(" "));
    }
    if let Some(reason) = &a.not_applicable {
        text.push('\n');
        text.push_str(reason);
    }
    for action in &a.actions {
        text.push('\n');
        text.push_str(&action.title);
        if !action.note.is_empty() {
            text.push('\n');
            text.push_str(&action.note);
        }
    }
    text
}

impl Atlas {
    /// Makes the organisation's words searchable as they now stand; a deleted organisation's
    /// leave the index.
    pub(super) fn reindex(&self, org: i64) {
        let Ok(fw) = self.framework() else { return };
        let texts = self.with_store(|s| {
            let live = s.organisations()?.into_iter().find(|o| o.id == org);
            let Some(live) = live else {
                return Ok((String::new(), Vec::new()));
            };
            let notes: Vec<(String, String)> = s
                .assessments(org)?
                .into_iter()
                .map(|(cap, a)| (cap, searchable_text(&a)))
                .collect();
            Ok((live.name, notes))
        });
        let Ok((name, notes)) = texts else { return };
        let org_id = org.to_string();
        let docs: Vec<NoteDoc<'_>> = notes
            .iter()
            .map(|(cap, text)| NoteDoc {
                org_id: &org_id,
                org_name: &name,
                capability_id: cap,
                text,
            })
            .collect();
        if let Some(index) = lock(&self.search).as_mut() {
            if let Err(e) = index.replace_org_notes(&fw, &docs, &org_id) {
                eprintln!("the notes of organisation {org} are not searchable: {e}");
            }
        }
    }

    /// Re-indexes every organisation, live or deleted (after an import, or at start).
    pub(super) fn reindex_all(&self) {
        for id in self.organisation_ids() {
            self.reindex(id);
        }
    }

    /// Every organisation's id, live or deleted; none when the store is not open.
    pub(super) fn organisation_ids(&self) -> Vec<i64> {
        self.with_store(|s| {
            let mut ids: Vec<i64> = s.organisations()?.iter().map(|o| o.id).collect();
            ids.extend(s.deleted_organisations()?.iter().map(|o| o.id));
            Ok(ids)
        })
        .unwrap_or_default()
    }
}
