//! The person's preferences: saved whole in the data folder, read back by the window and the
//! command line, and the name they give is the one the history shows from then on.

use atlas_core::atlas::command_line_author;
use atlas_core::author::{system_author, SOMEONE_HERE};
use atlas_core::preferences::{Preferences, ThemeChoice, PREFERENCES_FILE};
use atlas_core::Atlas;

fn open(dir: &tempfile::TempDir) -> Atlas {
    Atlas::open(
        atlas_core::load_builtin(),
        dir.path(),
        &atlas_core::preferences::author_for(dir.path()),
    )
}

#[test]
fn preferences_saved_are_read_back_by_a_new_session() {
    let dir = tempfile::tempdir().unwrap();
    let atlas = open(&dir);
    let view = atlas
        .save_preferences("  Grace Hopper  ", ThemeChoice::Dark)
        .expect("preferences save");
    assert_eq!(
        view.saved.author.as_deref(),
        Some("Grace Hopper"),
        "the name is kept trimmed"
    );
    drop(atlas);
    let again = open(&dir).preferences();
    assert_eq!(again.problem, None);
    assert_eq!(
        again.saved.author.as_deref(),
        Some("Grace Hopper"),
        "the name survives a restart"
    );
    assert_eq!(
        again.saved.theme,
        Some(ThemeChoice::Dark),
        "so does the theme"
    );
}

#[test]
fn the_author_in_the_preferences_is_written_into_every_change_from_then_on() {
    let dir = tempfile::tempdir().unwrap();
    let atlas = open(&dir);
    let org = atlas.create_organisation("Acme").unwrap();
    atlas
        .save_preferences("Grace Hopper", ThemeChoice::System)
        .unwrap();
    atlas.describe_organisation(org.id, "Retail").unwrap();
    let history = atlas.history(org.id, None).unwrap();
    let last = history.last().expect("the description is in the history");
    assert_eq!(
        last.author, "Grace Hopper",
        "the next change carries the chosen name"
    );
    let first = history.first().unwrap();
    assert_ne!(
        first.author, "Grace Hopper",
        "earlier entries keep who made them"
    );
    drop(atlas);
    assert_eq!(
        atlas_core::preferences::author_for(dir.path()),
        "Grace Hopper",
        "the command line reads the same preference (ATLAS_AUTHOR aside)"
    );
}

#[test]
fn a_blank_author_falls_back_to_the_system_name_never_unknown() {
    let dir = tempfile::tempdir().unwrap();
    let atlas = open(&dir);
    let view = atlas.save_preferences("   ", ThemeChoice::Light).unwrap();
    assert_eq!(view.saved.author, None, "blank means the default");
    let org = atlas.create_organisation("Acme").unwrap();
    let author = &atlas.history(org.id, None).unwrap()[0].author;
    assert_eq!(author, &system_author());
    assert!(
        !author.trim().is_empty() && !author.eq_ignore_ascii_case("unknown"),
        "a history entry must name someone a reader can recognise, not `{author}`"
    );
    if std::env::var("ATLAS_AUTHOR").is_err() {
        assert_eq!(command_line_author(dir.path()), system_author());
    }
    assert_ne!(SOMEONE_HERE.to_lowercase(), "unknown");
}

#[test]
fn an_unreadable_preferences_file_is_reported_and_the_defaults_used() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(PREFERENCES_FILE), "{ not json").unwrap();
    let view = open(&dir).preferences();
    let problem = view.problem.expect("the damaged file is reported");
    assert!(
        problem.contains(PREFERENCES_FILE),
        "the message names the file: {problem}"
    );
    assert_eq!(view.saved, Preferences::default(), "the defaults are shown");
    assert_eq!(
        atlas_core::preferences::author_for(dir.path()),
        system_author(),
        "a damaged file never keeps anyone from working"
    );
}

#[test]
fn an_author_name_too_long_or_with_control_characters_is_refused_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let atlas = open(&dir);
    let e = atlas
        .save_preferences(&"x".repeat(201), ThemeChoice::System)
        .unwrap_err();
    assert!(
        e.to_string().contains("`author`"),
        "the message names the field: {e}"
    );
    assert!(atlas
        .save_preferences("Ada\u{7}", ThemeChoice::System)
        .is_err());
    assert!(
        !dir.path().join(PREFERENCES_FILE).exists(),
        "a refused preference writes nothing"
    );
}

#[test]
fn saving_preferences_keeps_the_export_folder_the_shell_chose() {
    let dir = tempfile::tempdir().unwrap();
    Preferences {
        export_dir: Some("/srv/exports".into()),
        ..Preferences::default()
    }
    .save(dir.path())
    .unwrap();
    let view = open(&dir)
        .save_preferences("Ada", ThemeChoice::System)
        .unwrap();
    assert_eq!(
        view.saved.export_dir.as_deref(),
        Some("/srv/exports"),
        "the window's save names no folder and must not forget the chosen one"
    );
}
