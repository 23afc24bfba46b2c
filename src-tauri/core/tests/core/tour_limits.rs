//! Tours are bounded where they come in (files, saves, imports), and showing them costs what
//! changed, not every talking point on every call: a shared tour used to stall the tour
//! manager and the presenter by being rendered whole on each of their many calls.

use crate::support::{alone, caf_ai, finishes_within};
use atlas_core::limits::{TOUR_FILE_BYTES, TOUR_NOTES_TOTAL_BYTES};
use atlas_core::tours::{Tour, TourStep};
use atlas_core::{api, store::Store};
use std::time::{Duration, Instant};

fn step(node: &str, notes: String) -> TourStep {
    TourStep {
        node: node.into(),
        depth: 1,
        view: None,
        saved_view: None,
        notes,
    }
}

#[test]
fn an_oversized_tour_file_is_refused_before_it_is_parsed() {
    let text = format!(
        "id = \"big\"\ntitle = \"Big\"\nsummary = \"{}\"\n",
        "x".repeat(TOUR_FILE_BYTES)
    );
    let err = finishes_within(
        Duration::from_secs(3),
        "parsing a huge tour file",
        move || Tour::parse(&text).unwrap_err(),
    );
    assert!(
        err.message
            .contains(&format!("at most {} KB", TOUR_FILE_BYTES / 1024)),
        "the message names the limit: {err}"
    );
}

#[test]
fn importing_a_tour_with_too_many_talking_points_is_refused_and_names_the_field() {
    let fw = caf_ai();
    let tour = Tour {
        id: "long".into(),
        title: "Long".into(),
        summary: String::new(),
        order: None,
        steps: (0..40)
            .map(|_| step("security", "- a point\n".repeat(1_000)))
            .collect(),
    };
    assert!(tour.steps.iter().map(|s| s.notes.len()).sum::<usize>() > TOUR_NOTES_TOTAL_BYTES);
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path(), "Ada").unwrap();
    let err = store
        .import_tour(fw, &tour.to_file())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("steps") && err.contains("KB"),
        "the message says which field is over which limit: {err}"
    );
    assert!(err.len() < 300, "the message stays short: {err}");
}

#[test]
fn a_huge_unknown_title_is_not_echoed_whole() {
    let fw = caf_ai();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path(), "Ada").unwrap();
    let tour = Tour {
        id: String::new(),
        title: "T".repeat(1_000_000),
        summary: String::new(),
        order: None,
        steps: vec![step("security", String::new())],
    };
    let err = store.save_tour(fw, tour).unwrap_err().to_string();
    assert!(
        err.len() < 300,
        "the title is shortened in the message: {err}"
    );
    assert!(
        err.contains("at most"),
        "the message names the limit: {err}"
    );
}

#[test]
fn showing_a_tour_again_does_not_render_its_talking_points_again() {
    let _alone = alone();
    let fw = caf_ai();
    // Steps at the limit of talking points, each distinct so that the first view really
    // renders them all: as dear to show as a tour can be.
    let tour = Tour {
        id: "heavy".into(),
        title: "Heavy".into(),
        summary: String::new(),
        order: None,
        steps: (0..100)
            .map(|i| {
                let point =
                    format!("- point of step {i} with a [link](node:security) and *emphasis*\n");
                let notes = point.repeat(atlas_core::tours::MAX_NOTES_BYTES / point.len());
                step("security", notes)
            })
            .collect(),
    };
    let first_started = Instant::now();
    let first = api::tour_view(fw, &tour, false);
    let first_took = first_started.elapsed();
    let again_started = Instant::now();
    for _ in 0..5 {
        let again = api::tour_view(fw, &tour, false);
        assert_eq!(
            again.steps[99].notes_html, first.steps[99].notes_html,
            "the same talking points are shown every time"
        );
    }
    let again_took = again_started.elapsed();
    println!("first view {first_took:?}, five more {again_took:?}");
    assert!(
        again_took < first_took,
        "five more views ({again_took:?}) must cost less than the first ({first_took:?}): \
         unchanged talking points are not rendered again"
    );
    let mut edited = tour.clone();
    edited.steps[0].notes = "Now **bold**".into();
    let view = api::tour_view(fw, &edited, false);
    assert!(
        view.steps[0].notes_html.contains("<strong>bold</strong>"),
        "an edited step shows its new text"
    );
}
