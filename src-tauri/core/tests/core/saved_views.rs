//! Saved views of the graph and the path between two nodes, through `Atlas` as the window asks
//! for them: views are kept per pack, named uniquely ignoring case and spaces, bounded, still
//! there after the app is opened again, and usable by a tour step only when they exist.

use atlas_core::store::{SavedView, ViewCamera, ViewFilters, ViewFocus};
use atlas_core::tours::{Tour, TourStep};
use atlas_core::{Atlas, AtlasError};

fn open(dir: &tempfile::TempDir) -> Atlas {
    Atlas::open(atlas_core::load_builtin(), dir.path(), "Tester")
}

fn view(name: &str) -> SavedView {
    SavedView {
        name: name.into(),
        filters: ViewFilters {
            hidden_kinds: vec!["concept".into()],
            ..ViewFilters::default()
        },
        lens: Some("ciso".into()),
        focus: Some(ViewFocus {
            node: "risk-management".into(),
            depth: 2,
        }),
        camera: ViewCamera {
            zoom: 1.5,
            x: -120.0,
            y: 40.5,
        },
    }
}

fn names(atlas: &Atlas) -> Vec<String> {
    atlas
        .saved_views()
        .unwrap()
        .into_iter()
        .map(|v| v.name)
        .collect()
}

#[test]
fn a_saved_view_comes_back_whole_after_the_app_is_opened_again() {
    let dir = tempfile::tempdir().unwrap();
    {
        let atlas = open(&dir);
        let saved = atlas.save_view(view("  Risk board  ")).unwrap();
        assert_eq!(
            saved.name, "Risk board",
            "a name is kept without its surrounding spaces"
        );
    }
    let atlas = open(&dir);
    let views = atlas.saved_views().unwrap();
    assert_eq!(
        views,
        vec![SavedView {
            name: "Risk board".into(),
            ..view("")
        }],
        "filters, lens, focus and camera are all there after a restart"
    );
}

#[test]
fn view_names_alike_but_for_case_or_spaces_are_refused_on_saving_and_renaming() {
    let dir = tempfile::tempdir().unwrap();
    let atlas = open(&dir);
    atlas.save_view(view("Board")).unwrap();
    atlas.save_view(view("Team")).unwrap();
    let e = atlas.save_view(view(" BOARD ")).unwrap_err();
    assert!(
        e.to_string()
            .contains("a saved view named `Board` already exists"),
        "the refusal names the view already there: {e}"
    );
    let e = atlas.rename_view("Team", "board").unwrap_err();
    assert!(e.to_string().contains("`Board` already exists"), "{e}");
    let renamed = atlas.rename_view("Team", "team").unwrap();
    assert_eq!(
        renamed.name, "team",
        "a view may change its own name's case"
    );
    assert_eq!(
        names(&atlas),
        ["Board", "team"],
        "listed by name ignoring case"
    );
    atlas.delete_view("Board").unwrap();
    assert_eq!(names(&atlas), ["team"]);
    let e = atlas.delete_view("Board").unwrap_err();
    assert!(
        matches!(e, AtlasError::Store(_)) && e.to_string().contains("no saved view named `Board`"),
        "{e}"
    );
}

#[test]
fn a_view_past_its_bounds_is_refused_naming_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let atlas = open(&dir);
    let long = "v".repeat(500);
    let e = atlas.save_view(view(&long)).unwrap_err().to_string();
    assert!(
        e.contains("name") && e.contains("at most 80 characters"),
        "{e}"
    );
    assert!(
        e.len() < 300,
        "a 500-character name is not echoed whole: {e}"
    );
    assert!(
        atlas.save_view(view("   ")).is_err(),
        "a blank name is refused"
    );
    let mut nan = view("Broken camera");
    nan.camera.zoom = f64::NAN;
    let e = atlas.save_view(nan).unwrap_err().to_string();
    assert!(e.contains("camera"), "{e}");
    let mut huge = view("Huge");
    huge.filters.hidden_kinds = vec!["k".repeat(1000); 100];
    let e = atlas.save_view(huge).unwrap_err().to_string();
    assert!(e.contains("more than a saved view can hold"), "{e}");
    for i in 0..100 {
        atlas.save_view(view(&format!("View {i}"))).unwrap();
    }
    let e = atlas
        .save_view(view("One too many"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("at most 100 saved views"), "{e}");
}

#[test]
fn a_tour_step_naming_a_saved_view_that_does_not_exist_is_refused_with_its_step() {
    let dir = tempfile::tempdir().unwrap();
    let atlas = open(&dir);
    let step = |saved_view: Option<&str>| TourStep {
        node: "risk-management".into(),
        depth: 1,
        view: None,
        saved_view: saved_view.map(str::to_string),
        notes: String::new(),
    };
    let tour = |saved_view| Tour {
        id: String::new(),
        title: "Risk walk".into(),
        summary: String::new(),
        order: None,
        steps: vec![step(None), step(saved_view)],
    };
    let e = atlas
        .save_tour(tour(Some("Risk board")))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("steps[2].saved_view") && e.contains("no saved view named `Risk board`"),
        "the author learns which step names which missing view: {e}"
    );
    atlas.save_view(view("Risk board")).unwrap();
    let saved = atlas.save_tour(tour(Some("Risk board"))).unwrap();
    assert_eq!(
        saved.steps[1].saved_view.as_deref(),
        Some("Risk board"),
        "the step keeps its view for the player to apply"
    );
    let text = atlas.tour(&saved.id).unwrap().to_file();
    assert!(
        text.contains("saved_view = \"Risk board\""),
        "the file format carries it: {text}"
    );
}

#[test]
fn the_path_between_two_nodes_names_its_links_and_an_unknown_id_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let atlas = open(&dir);
    let path = atlas
        .path("ciso", "ml-fluency")
        .unwrap()
        .expect("connected");
    assert!(!path.is_empty());
    let ends: Vec<&str> = path
        .iter()
        .flat_map(|e| [e.from.as_str(), e.to.as_str()])
        .collect();
    assert!(
        ends.contains(&"ciso") && ends.contains(&"ml-fluency"),
        "{path:?}"
    );
    assert_eq!(atlas.path("ciso", "ciso").unwrap(), Some(vec![]));
    let e = atlas.path("ciso", "ml-fluencyy").unwrap_err().to_string();
    assert!(
        e.contains("`ml-fluencyy`") && e.contains("did you mean `ml-fluency`"),
        "{e}"
    );
}
