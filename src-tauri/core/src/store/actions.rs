//! The improvement plan: what people will do about a capability. Actions live inside the
//! capability's assessment (the `actions` field), so history, undo, snapshots, compare, export
//! and merge-import treat them like every other field without code of their own.

use super::error::StoreError;
use super::model::within;
use crate::limits::{self, echo};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where an action stands. Dropped actions are kept so that a report can say what was given up.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    Open,
    InProgress,
    Done,
    Dropped,
}

/// One thing someone will do to close a capability's gap.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields, default)]
pub struct Action {
    /// Stable within the capability, so an edit or a merge can tell actions apart when titles change.
    pub id: String,
    pub title: String,
    /// A stakeholder node id, or a person's name when the owner is not a framework role.
    pub owner: Option<String>,
    /// An ISO date (YYYY-MM-DD).
    pub due: Option<String>,
    pub status: ActionStatus,
    /// Markdown; rendered and sanitised by `crate::markdown` before display.
    pub note: String,
}

impl Action {
    /// Due before `today` (an ISO date) and still to be done.
    pub fn is_overdue(&self, today: &str) -> bool {
        self.status.is_pending() && self.due.as_deref().is_some_and(|d| d < today)
    }
}

impl ActionStatus {
    /// The status as a person reads it, in a list, a CSV cell or a change's words.
    pub fn words(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::InProgress => "in progress",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    /// Still to be done: neither done nor dropped.
    pub fn is_pending(self) -> bool {
        matches!(self, ActionStatus::Open | ActionStatus::InProgress)
    }
}

/// The id the store gives the next action sent without one: one above `floor` (the highest
/// small-integer id the capability has ever had, its history included) and above every id in
/// `actions`, so an id is never given twice, even after its action was removed.
pub(crate) fn assign_ids(actions: &mut [Action], floor: u64) {
    let mut next = actions
        .iter()
        .filter_map(|a| a.id.trim().parse::<u64>().ok())
        .fold(floor, u64::max);
    for a in actions.iter_mut().filter(|a| a.id.trim().is_empty()) {
        next += 1;
        a.id = next.to_string();
    }
}

/// The highest small-integer action id in an `actions` value, as history stores it.
pub(crate) fn highest_id(value: &serde_json::Value) -> u64 {
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a.get("id")?.as_str()?.trim().parse::<u64>().ok())
        .max()
        .unwrap_or(0)
}

/// Checks and tidies a capability's actions: titles required, text trimmed and within limits,
/// ids unique (the ones still empty get the next free number), due dates real calendar dates.
/// Errors name the action by its place: `actions[2].due`.
pub(crate) fn tidy_actions(
    mut actions: Vec<Action>,
    record: &str,
) -> Result<Vec<Action>, StoreError> {
    if actions.len() > limits::MAX_ACTIONS {
        return Err(StoreError::invalid(
            record,
            "actions",
            format!(
                "{} actions is more than the {} allowed",
                actions.len(),
                limits::MAX_ACTIONS
            ),
        ));
    }
    for (i, a) in actions.iter_mut().enumerate() {
        let field = |name: &str| format!("actions[{i}].{name}");
        a.id = a.id.trim().to_string();
        within(record, &field("id"), &a.id, limits::MAX_ACTION_ID_CHARS)?;
        a.title = a.title.trim().to_string();
        if a.title.is_empty() {
            return Err(StoreError::invalid(
                record,
                field("title"),
                "a title is required",
            ));
        }
        within(
            record,
            &field("title"),
            &a.title,
            limits::MAX_ACTION_TITLE_CHARS,
        )?;
        a.owner = a
            .owner
            .take()
            .map(|o| o.trim().to_string())
            .filter(|o| !o.is_empty());
        if let Some(owner) = &a.owner {
            within(
                record,
                &field("owner"),
                owner,
                limits::MAX_ACTION_OWNER_CHARS,
            )?;
        }
        a.due = a
            .due
            .take()
            .map(|d| d.trim().to_string())
            .filter(|d| !d.is_empty());
        if let Some(due) = &a.due {
            if !is_calendar_date(due) {
                return Err(StoreError::invalid(
                    record,
                    field("due"),
                    format!("`{}` is not a calendar date written YYYY-MM-DD", echo(due)),
                ));
            }
        }
        within(
            record,
            &field("note"),
            &a.note,
            limits::MAX_ACTION_NOTE_CHARS,
        )?;
    }
    assign_ids(&mut actions, 0);
    for (i, a) in actions.iter().enumerate() {
        if actions[..i].iter().any(|b| b.id == a.id) {
            return Err(StoreError::invalid(
                record,
                format!("actions[{i}].id"),
                format!("`{}` is the id of an earlier action", echo(&a.id)),
            ));
        }
    }
    Ok(actions)
}

/// Whether `text` is a date that exists, written `YYYY-MM-DD` (2026-02-29 does not).
pub fn is_calendar_date(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) {
        return false;
    }
    if !digits(8..10) {
        return false;
    }
    let (y, m, d): (u32, u32, u32) = (
        text[0..4].parse().unwrap_or(0),
        text[5..7].parse().unwrap_or(0),
        text[8..10].parse().unwrap_or(0),
    );
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    y >= 1 && (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_dates_that_exist_are_calendar_dates() {
        for good in ["2026-02-28", "2024-02-29", "2000-02-29", "2026-12-31"] {
            assert!(is_calendar_date(good), "{good} exists");
        }
        for bad in [
            "2026-02-30",
            "2026-02-29",
            "1900-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "0000-01-01",
            "2026-1-01",
            "26-01-01",
            "2026/01/01",
            "2026-01-01T00:00",
            "２０２６-01-01",
        ] {
            assert!(!is_calendar_date(bad), "{bad} is not a date to plan by");
        }
    }

    #[test]
    fn new_actions_get_the_next_number_above_any_ever_given() {
        let mut actions = vec![
            Action {
                id: "2".into(),
                ..Action::default()
            },
            Action::default(),
            Action::default(),
        ];
        assign_ids(&mut actions, 7);
        let ids: Vec<&str> = actions.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["2", "8", "9"], "8 was never given, so it is next");
    }
}
