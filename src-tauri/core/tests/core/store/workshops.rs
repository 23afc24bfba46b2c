//! Workshop mode's data: facilitators' own tours, workshops that changes are attributed to,
//! and the room's dot-votes.

use super::{fresh, two_four};
use atlas_core::store::StoreError;
use atlas_core::tours::{StepView, Tour, TourStep};

fn step(node: &str) -> TourStep {
    TourStep {
        node: node.into(),
        depth: 1,
        view: None,
        saved_view: None,
        notes: String::new(),
    }
}

fn tour(title: &str, nodes: &[&str]) -> Tour {
    Tour {
        id: String::new(),
        title: title.into(),
        summary: String::new(),
        order: None,
        steps: nodes.iter().map(|n| step(n)).collect(),
    }
}

#[test]
fn user_tours_are_created_renamed_reordered_and_deleted() {
    let fw = atlas_core::load_builtin().unwrap();
    let (_dir, mut store) = fresh();
    let saved = store
        .save_tour(&fw, tour("Board offsite", &["security", "data-curation"]))
        .unwrap();
    assert_eq!(saved.id, "board-offsite");
    let second = store
        .save_tour(&fw, tour("Board offsite", &["caf-ai"]))
        .unwrap();
    assert_eq!(
        second.id, "board-offsite-2",
        "a second tour of the same title gets its own id"
    );

    let mut renamed = saved.clone();
    renamed.title = "Agenda".into();
    renamed.steps.reverse();
    store.save_tour(&fw, renamed).unwrap();
    let tours = store.user_tours().unwrap();
    assert_eq!(tours.len(), 2);
    assert_eq!(tours[0].title, "Agenda", "listed by title");
    assert_eq!(tours[0].id, "board-offsite", "renaming keeps the id");
    assert_eq!(tours[0].steps[0].node, "data-curation");

    store.delete_tour("board-offsite").unwrap();
    assert_eq!(store.user_tours().unwrap().len(), 1);
    assert!(matches!(
        store.delete_tour("board-offsite"),
        Err(StoreError::NotFound(_))
    ));
}

#[test]
fn a_tour_that_does_not_fit_the_framework_is_refused_with_its_place() {
    let fw = atlas_core::load_builtin().unwrap();
    let (_dir, mut store) = fresh();
    let err = store
        .save_tour(&fw, tour("Walk", &["security", "securty"]))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("steps[2].node") && err.contains("did you mean `security`"),
        "{err}"
    );
    let err = store
        .save_tour(&fw, tour("  ", &["security"]))
        .unwrap_err()
        .to_string();
    assert!(err.contains("title"), "{err}");
    let mut builtin = fw.tours()[0].clone();
    builtin.title = "Mine now".into();
    let err = store.save_tour(&fw, builtin).unwrap_err().to_string();
    assert!(err.contains("built-in"), "{err}");
    assert!(store.user_tours().unwrap().is_empty(), "nothing half-saved");
}

#[test]
fn an_exported_tour_imports_as_a_new_tour_and_never_replaces_one() {
    let fw = atlas_core::load_builtin().unwrap();
    let (_dir, mut store) = fresh();
    let mut t = tour("Security walk", &["security", "data-protection"]);
    t.steps[0].view = Some(StepView::Map);
    t.steps[1].depth = 2;
    t.steps[1].notes = "- Ask who owns **keys**.\n".into();
    let saved = store.save_tour(&fw, t).unwrap();
    let file = saved.to_file();

    let imported = store.import_tour(&fw, &file).unwrap();
    assert_eq!(imported.id, "security-walk-2");
    assert_eq!(
        imported.steps, saved.steps,
        "the file carries every step field"
    );
    // A built-in tour's file imports as an editable copy.
    let builtin = &fw.tours()[0];
    let copy = store.import_tour(&fw, &builtin.to_file()).unwrap();
    assert_eq!(copy.id, format!("{}-2", builtin.id));
    assert_eq!(copy.order, None);

    let err = store
        .import_tour(&fw, &file.replace("data-protection", "no-such-node"))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("steps[2].node") && err.contains("line"),
        "{err}"
    );
    let err = store.import_tour(&fw, "title = [").unwrap_err().to_string();
    assert!(err.contains("line 1"), "{err}");
    assert_eq!(store.user_tours().unwrap().len(), 3);
}

#[test]
fn changes_during_a_workshop_are_attributed_to_it() {
    let fw = atlas_core::load_builtin().unwrap();
    let (_dir, mut store) = fresh();
    let org = store.create_organisation("Acme").unwrap().id;
    store
        .save_assessment(&fw, org, "data-curation", two_four("before"))
        .unwrap();
    let w = store
        .start_workshop(org, "Leadership day", Some("caf-ai-in-ten-minutes"))
        .unwrap();
    assert_eq!(store.running_workshop(org).unwrap().unwrap().id, w.id);
    let err = store
        .start_workshop(org, "Second", None)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("Leadership day"),
        "one workshop at a time: {err}"
    );

    store
        .save_assessment(&fw, org, "data-curation", two_four("in the room"))
        .unwrap();
    let (ended, snap) = store.end_workshop(w.id, None).unwrap();
    assert!(ended.ended_at.is_some() && snap.is_none());
    store
        .save_assessment(&fw, org, "data-curation", two_four("after"))
        .unwrap();

    let notes: Vec<(String, Option<String>)> = store
        .history(org, Some("data-curation"))
        .unwrap()
        .into_iter()
        .filter(|h| h.field == "notes")
        .map(|h| (h.new.as_str().unwrap().to_string(), h.workshop))
        .collect();
    assert_eq!(
        notes,
        vec![
            ("before".into(), None),
            ("in the room".into(), Some("Leadership day".into())),
            ("after".into(), None),
        ]
    );
}

#[test]
fn dot_votes_count_up_and_down_and_only_while_the_workshop_runs() {
    let fw = atlas_core::load_builtin().unwrap();
    let (_dir, mut store) = fresh();
    let org = store.create_organisation("Acme").unwrap().id;
    let w = store.start_workshop(org, "Votes", None).unwrap().id;
    assert_eq!(store.vote(&fw, w, "data-curation", 3).unwrap(), 3);
    assert_eq!(store.vote(&fw, w, "data-curation", -1).unwrap(), 2);
    assert_eq!(
        store.vote(&fw, w, "ci-cd", -4).unwrap(),
        0,
        "never below zero"
    );
    let err = store.vote(&fw, w, "security", 1).unwrap_err().to_string();
    assert!(err.contains("not a capability"), "{err}");
    assert_eq!(
        store
            .workshop(w)
            .unwrap()
            .votes
            .into_iter()
            .collect::<Vec<_>>(),
        vec![("data-curation".to_string(), 2)]
    );
    store.end_workshop(w, None).unwrap();
    assert!(store.vote(&fw, w, "data-curation", 1).is_err());
    assert_eq!(store.workshops(org).unwrap()[0].votes["data-curation"], 2);
}

#[test]
fn ending_a_workshop_can_keep_a_snapshot_and_a_taken_name_keeps_it_running() {
    let fw = atlas_core::load_builtin().unwrap();
    let (_dir, mut store) = fresh();
    let org = store.create_organisation("Acme").unwrap().id;
    store.take_snapshot(org, "Offsite").unwrap();
    let w = store.start_workshop(org, "Offsite", None).unwrap().id;
    store
        .save_assessment(&fw, org, "data-curation", two_four(""))
        .unwrap();
    assert!(store.end_workshop(w, Some("Offsite")).is_err());
    assert!(
        store.running_workshop(org).unwrap().is_some(),
        "still running"
    );
    let (_, snap) = store.end_workshop(w, Some("Offsite (workshop)")).unwrap();
    assert_eq!(snap.unwrap().name, "Offsite (workshop)");
    assert!(store.running_workshop(org).unwrap().is_none());
    assert!(store.end_workshop(w, None).is_err(), "cannot end twice");
}

#[test]
fn a_workshop_title_over_the_limit_is_refused_naming_the_field_and_limit() {
    let (_dir, mut store) = fresh();
    let org = store.create_organisation("Acme").unwrap().id;
    let max = atlas_core::limits::MAX_NAME_CHARS;
    let err = store
        .start_workshop(org, &"w".repeat(max + 1), None)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("title") && err.contains(&format!("the {max} allowed")),
        "{err}"
    );
    assert!(
        store.running_workshop(org).unwrap().is_none(),
        "nothing was started"
    );
}
