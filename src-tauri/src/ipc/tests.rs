//! The surface's own checks: the committed bindings are current, the dispatcher answers as the
//! commands do, and every command has exactly one permission.

use super::typescript::typescript_bindings;
use super::*;

const BINDINGS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../ui/src/lib/platform/bindings.ts"
);

#[test]
fn committed_typescript_bindings_are_current() {
    let fresh = typescript_bindings();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(BINDINGS, &fresh).expect("write bindings");
    }
    let committed = std::fs::read_to_string(BINDINGS).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/lib/platform/bindings.ts is stale: the UI would compile against types the app \
         no longer sends. Regenerate with `UPDATE_BINDINGS=1 cargo test -p atlas ipc`."
    );
}

#[test]
fn a_command_called_by_name_answers_as_the_webview_receives_it() {
    let data = tempfile::tempdir().unwrap();
    let state = AppState::new_with_author(
        atlas_core::load_builtin(),
        data.path().to_path_buf(),
        "Tester",
    );
    let org = dispatch(
        &state,
        "create_organisation",
        serde_json::json!({"name": "Acme"}),
    )
    .unwrap();
    assert_eq!(org["name"], "Acme");
    let listed = dispatch(&state, "organisations", serde_json::json!({})).unwrap();
    assert_eq!(
        listed[0]["id"], org["id"],
        "the organisation just created is listed"
    );
    let wrong = dispatch(&state, "organisations_", serde_json::json!({})).unwrap_err();
    assert!(
        wrong.message.contains("organisations_"),
        "{}",
        wrong.message
    );
    let bad = dispatch(
        &state,
        "create_organisation",
        serde_json::json!({"nom": "Acme"}),
    )
    .unwrap_err();
    assert!(
        bad.message.contains("name"),
        "a missing argument is named: {}",
        bad.message
    );
}

#[test]
fn every_declared_command_has_a_permission_and_nothing_else_does() {
    let sorted = |names: &[&'static str]| {
        let mut v = names.to_vec();
        v.sort_unstable();
        v
    };
    assert_eq!(
        sorted(DECLARED),
        sorted(crate::command_names::COMMAND_NAMES),
        "build.rs grants permissions from command_names.rs; it must list exactly the declared commands"
    );
    let set = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/permissions/app.toml"))
        .expect("permission set");
    for name in DECLARED {
        // Tauri names a command's permission after the command with `_` turned into `-`.
        let slug = name.replace('_', "-");
        assert!(
            set.contains(&format!("\"allow-{slug}\"")),
            "the main window must be allowed to call `{name}`"
        );
    }
    let granted = set
        .lines()
        .find(|l| l.starts_with("permissions"))
        .expect("the set lists its permissions");
    assert_eq!(
        granted.matches("\"allow-").count(),
        DECLARED.len(),
        "the permission set must grant only the app's own commands"
    );
}
