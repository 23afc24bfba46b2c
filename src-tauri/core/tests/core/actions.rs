//! The improvement plan: each capability's actions are checked like every other field, say in
//! words what happened to them, are findable, travel in files, export for a tracker and are
//! counted on the dashboard.

use crate::store::fresh;
use crate::support::caf_ai;
use atlas_core::reports::PlanItem;
use atlas_core::search::SearchOptions;
use atlas_core::store::{Action, ActionStatus, AssessmentPatch};
use atlas_core::Atlas;
use std::path::Path;

fn action(title: &str) -> Action {
    Action {
        title: title.to_string(),
        ..Action::default()
    }
}

fn plan(actions: Vec<Action>) -> AssessmentPatch {
    AssessmentPatch {
        actions: Some(actions),
        ..AssessmentPatch::default()
    }
}

fn open_atlas(dir: &tempfile::TempDir) -> (Atlas, i64) {
    let atlas = Atlas::open(atlas_core::load_builtin(), dir.path(), "Tester");
    atlas.build_search();
    let org = atlas.create_organisation("Acme").unwrap().id;
    (atlas, org)
}

/// The error a save of `actions` on `data-curation` gets, after checking it changed nothing.
fn refused(actions: Vec<Action>) -> String {
    let (_dir, mut store) = fresh();
    let org = store.create_organisation("Acme").unwrap().id;
    let before = store.export_json(None).unwrap();
    let err = store
        .save_assessment(caf_ai(), org, "data-curation", plan(actions))
        .unwrap_err()
        .to_string();
    assert_eq!(
        store.export_json(None).unwrap(),
        before,
        "a refused plan must leave the organisation as it was"
    );
    err
}

#[test]
fn an_action_without_a_title_is_refused_naming_the_action() {
    let err = refused(vec![action("Train the data team"), action("   ")]);
    assert!(
        err.contains("actions[1].title") && err.contains("a title is required"),
        "the message must say which action lacks what: {err}"
    );
}

#[test]
fn february_the_thirtieth_is_refused_as_a_due_date() {
    let err = refused(vec![Action {
        due: Some("2026-02-30".into()),
        ..action("Train the data team")
    }]);
    assert!(
        err.contains("actions[0].due") && err.contains("2026-02-30"),
        "a date that does not exist must be refused at its field: {err}"
    );
}

#[test]
fn an_over_long_title_and_too_many_actions_are_refused_with_the_limit() {
    let err = refused(vec![action(&"x".repeat(10_000))]);
    assert!(
        err.contains("actions[0].title") && err.contains("200 allowed"),
        "{err}"
    );
    assert!(
        !err.contains(&"x".repeat(100)),
        "a refusal never repeats a long title whole: {err}"
    );
    let err = refused((0..101).map(|i| action(&format!("Step {i}"))).collect());
    assert!(err.contains("100 allowed"), "{err}");
}

#[test]
fn two_actions_with_the_same_id_are_refused() {
    let same = |t: &str| Action {
        id: "4".into(),
        ..action(t)
    };
    let err = refused(vec![same("One"), same("Two")]);
    assert!(
        err.contains("actions[1].id") && err.contains("earlier action"),
        "{err}"
    );
}

#[test]
fn titles_and_owners_are_trimmed_and_a_blank_owner_is_nobody() {
    let (_dir, mut store) = fresh();
    let org = store.create_organisation("Acme").unwrap().id;
    let saved = store
        .save_assessment(
            caf_ai(),
            org,
            "data-curation",
            plan(vec![
                Action {
                    owner: Some("  ai-governance-board ".into()),
                    ..action("  Train the data team  ")
                },
                Action {
                    owner: Some("   ".into()),
                    ..action("Hire a steward")
                },
            ]),
        )
        .unwrap();
    assert_eq!(saved.actions[0].title, "Train the data team");
    assert_eq!(
        saved.actions[0].owner.as_deref(),
        Some("ai-governance-board")
    );
    assert_eq!(
        saved.actions[1].owner, None,
        "an owner of spaces is no owner"
    );
}

#[test]
fn a_removed_actions_number_is_never_given_to_a_new_one() {
    let (_dir, mut store) = fresh();
    let org = store.create_organisation("Acme").unwrap().id;
    let fw = caf_ai();
    let cap = "data-curation";
    let saved = store
        .save_assessment(fw, org, cap, plan(vec![action("One"), action("Two")]))
        .unwrap();
    let ids: Vec<&str> = saved.actions.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["1", "2"], "new actions are numbered from 1");
    let first = saved.actions[0].clone();
    store
        .save_assessment(fw, org, cap, plan(vec![first.clone()]))
        .unwrap();
    let saved = store
        .save_assessment(fw, org, cap, plan(vec![first, action("Three")]))
        .unwrap();
    assert_eq!(
        saved.actions[1].id, "3",
        "2 belonged to the removed action; giving it again would let an old change match it"
    );
}

#[test]
fn history_undo_and_compare_say_what_happened_to_an_action_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let (atlas, org) = open_atlas(&dir);
    let cap = "data-curation";
    let saved = atlas
        .save_assessment(org, cap, plan(vec![action("Train the data team")]))
        .unwrap();
    atlas.take_snapshot(org, "Q1").unwrap();
    let done = Action {
        status: ActionStatus::Done,
        due: Some("2026-03-31".into()),
        ..saved.actions[0].clone()
    };
    atlas.save_assessment(org, cap, plan(vec![done])).unwrap();

    let words: Vec<String> = atlas
        .history(org, Some(cap))
        .unwrap()
        .into_iter()
        .map(|h| h.words)
        .collect();
    assert_eq!(
        words,
        [
            "added action “Train the data team”",
            "“Train the data team” open → done; “Train the data team” due none → 2026-03-31",
        ],
        "the timeline reads as sentences, not JSON"
    );

    let cmp = atlas.compare_named(org, "Q1", "now").unwrap();
    let diff = &cmp.capabilities[0].changes[0];
    assert_eq!(diff.field, "actions");
    assert!(
        diff.words.contains("“Train the data team” open → done"),
        "compare says the action was done: {}",
        diff.words
    );

    let undone = atlas.undo(org).unwrap();
    assert_eq!(
        undone.summary,
        "Data curation, “Train the data team” done → open; “Train the data team” due 2026-03-31 → none"
    );
    atlas.undo(org).unwrap();
    let words = atlas.history(org, Some(cap)).unwrap().pop().unwrap().words;
    assert_eq!(words, "removed action “Train the data team”");
}

#[test]
fn an_actions_title_and_note_are_findable() {
    let dir = tempfile::tempdir().unwrap();
    let (atlas, org) = open_atlas(&dir);
    atlas
        .save_assessment(
            org,
            "data-curation",
            plan(vec![Action {
                note: "Book the *zeppelin* hangar.".into(),
                ..action("Train the quokka wranglers")
            }]),
        )
        .unwrap();
    for word in ["quokka", "zeppelin"] {
        let hits: Vec<String> = atlas
            .search(word, &SearchOptions::default())
            .unwrap()
            .into_iter()
            .filter(|h| h.org.is_some())
            .map(|h| h.id)
            .collect();
        assert_eq!(
            hits,
            ["data-curation"],
            "`{word}` is in an action, so search finds its capability"
        );
    }
}

fn with_plan() -> (tempfile::TempDir, atlas_core::store::Store, i64) {
    let (dir, mut store) = fresh();
    let org = store.create_organisation("Acme").unwrap().id;
    store
        .save_assessment(
            caf_ai(),
            org,
            "data-curation",
            plan(vec![
                Action {
                    owner: Some("ai-governance-board".into()),
                    due: Some("2026-03-31".into()),
                    note: "=HYPERLINK(\"x\")\nsecond line, \"quoted\"".into(),
                    ..action("Train the data team")
                },
                Action {
                    owner: Some("Dana Scully".into()),
                    status: ActionStatus::InProgress,
                    ..action("-Hire a steward")
                },
            ]),
        )
        .unwrap();
    (dir, store, org)
}

#[test]
fn json_with_actions_round_trips_byte_for_byte() {
    let (_a, store, _) = with_plan();
    let first = store.export_json(None).unwrap();
    assert!(first.contains("Train the data team"));
    let (_b, mut empty) = fresh();
    empty
        .import_json(caf_ai(), Path::new("plan.json"), &first, false)
        .unwrap();
    assert!(
        empty.export_json(None).unwrap() == first,
        "a round trip must not change a byte of the plan"
    );
}

#[test]
fn a_file_written_before_actions_existed_still_imports() {
    let old = r#"{"format":"capability-atlas/organisations","version":1,"organisations":[
        {"id":3,"name":"Old Org","description":"","created_at":"2025-01-01T00:00:00Z",
         "assessments":{"data-curation":{"current":2,"target":4,"priority":null,"stage":null,
           "owner":null,"not_applicable":null,"notes":"","evidence":[],"tags":[],"confidence":null}},
         "snapshots":[],"history":[]}]}"#;
    let (_d, mut store) = fresh();
    store
        .import_json(caf_ai(), Path::new("old.json"), old, false)
        .expect("a file without actions is a file with no actions");
    let org = store.find_organisation("Old Org").unwrap().id;
    let a = store.assessment(org, "data-curation").unwrap();
    assert_eq!((a.current, a.actions.len()), (Some(2), 0));
}

#[test]
fn an_imported_history_with_an_impossible_due_date_is_refused_at_its_field() {
    let file = r#"{"format":"capability-atlas/organisations","version":1,"organisations":[
        {"id":3,"name":"Bad Plan","description":"","created_at":"2025-01-01T00:00:00Z",
         "assessments":{},"snapshots":[],"history":[{"author":"x","at":"2025-01-01T00:00:00Z",
           "action":"edit","reverts":null,"state":"active","changes":[{"capability":"data-curation",
           "field":"actions","old":[],"new":[{"id":"1","title":"T","due":"2025-02-29"}]}]}]}]}"#;
    let (_d, mut store) = fresh();
    let err = store
        .import_json(caf_ai(), Path::new("bad.json"), file, false)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("actions[0].due") && err.contains("2025-02-29"),
        "undo would write this value back, so it is checked on import: {err}"
    );
    assert!(store.organisations().unwrap().is_empty());
}

#[test]
fn a_merge_that_meets_another_plan_keeps_ours_and_shows_both() {
    let (_a, mut store, org) = with_plan();
    let theirs = store.export_json(None).unwrap();
    store
        .save_assessment(
            caf_ai(),
            org,
            "data-curation",
            plan(vec![action("Our own plan")]),
        )
        .unwrap();
    let report = store
        .import_json(caf_ai(), Path::new("theirs.json"), &theirs, true)
        .unwrap();
    let c = report
        .conflicts
        .iter()
        .find(|c| c.field == "actions")
        .expect("two different plans are a conflict");
    assert!(c.ours.to_string().contains("Our own plan"), "{}", c.ours);
    assert!(
        c.theirs.to_string().contains("Train the data team"),
        "{}",
        c.theirs
    );
    let kept = store.assessment(org, "data-curation").unwrap().actions;
    assert_eq!(kept[0].title, "Our own plan", "a merge never overwrites");
}

#[test]
fn the_tracker_csv_names_owners_says_statuses_and_defuses_formulas() {
    let (_a, store, org) = with_plan();
    let csv = store.export_actions_csv(caf_ai(), org).unwrap();
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "Title,Description,Owner,Due date,Status,Capability"
    );
    assert_eq!(
        lines[1],
        "Train the data team,\"'=HYPERLINK(\"\"x\"\")\nsecond line, \"\"quoted\"\"\",\
         AI governance board,2026-03-31,Open,Data curation (data-curation)",
        "a note that starts like a formula is defused and quoted; the owner by the \
         stakeholder's title, the status in words, the capability by title and id"
    );
    assert_eq!(
        lines[2], "'-Hire a steward,,Dana Scully,,In progress,Data curation (data-curation)",
        "a free name is the owner as typed; a title like a formula is defused"
    );
    assert_eq!(
        lines.len(),
        4,
        "a header, two records and the final line end:\n{csv}"
    );
}

fn titles(items: &[PlanItem]) -> Vec<(&str, &str)> {
    items
        .iter()
        .map(|i| (i.capability_title.as_str(), i.action.title.as_str()))
        .collect()
}

#[test]
fn the_dashboard_lists_open_overdue_and_done_since_the_newest_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let (atlas, org) = open_atlas(&dir);
    let dated = |title: &str, due: &str, status| Action {
        due: Some(due.into()),
        status,
        ..action(title)
    };
    let before = vec![
        dated("Write the policy", "2026-01-10", ActionStatus::Done),
        dated("Train the data team", "2026-02-01", ActionStatus::Open),
        dated("Hire a steward", "2026-06-01", ActionStatus::InProgress),
        dated("Buy a catalogue", "2026-01-05", ActionStatus::Open),
        dated("Ask legal", "2026-01-01", ActionStatus::Dropped),
    ];
    let saved = atlas
        .save_assessment(org, "data-curation", plan(before))
        .unwrap();
    atlas.take_snapshot(org, "January").unwrap();
    let mut after = saved.actions;
    after[3].status = ActionStatus::Done;
    atlas
        .save_assessment(org, "data-curation", plan(after))
        .unwrap();

    let d = atlas.dashboard_on(org, "2026-03-01").unwrap().plan;
    assert_eq!(
        titles(&d.overdue),
        [("Data curation", "Train the data team")],
        "due before today and not finished; done and dropped ones are not overdue"
    );
    assert_eq!(
        titles(&d.open),
        [
            ("Data curation", "Train the data team"),
            ("Data curation", "Hire a steward")
        ],
        "open and in progress, soonest first"
    );
    assert_eq!(
        titles(&d.done_since),
        [("Data curation", "Buy a catalogue")],
        "the policy was already done in January's snapshot"
    );
    assert_eq!(d.since.as_deref(), Some("January"));
    let earlier = atlas.dashboard_on(org, "2026-01-15").unwrap().plan;
    assert!(
        earlier.overdue.is_empty(),
        "on 15 January nothing open was due yet"
    );
}

#[test]
fn a_plan_pasted_whole_is_summed_up_instead_of_listed_action_by_action() {
    let dir = tempfile::tempdir().unwrap();
    let (atlas, org) = open_atlas(&dir);
    let many: Vec<Action> = (1..=40).map(|i| action(&format!("Step {i}"))).collect();
    atlas
        .save_assessment(org, "data-curation", plan(many))
        .unwrap();
    let words = atlas.undo(org).unwrap().summary;
    assert_eq!(
        words,
        "Data curation, removed action “Step 1”; removed action “Step 2”; \
         removed action “Step 3”; and 37 more",
        "an undo notice stays one line however many actions it took back"
    );
}
