//! The core stays free of Tauri, so it builds and tests without a webview.

#[test]
fn the_core_dependency_tree_has_no_tauri() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args([
            "tree",
            "-p",
            "atlas-core",
            "--edges",
            "normal,build",
            "--prefix",
            "none",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tree = String::from_utf8_lossy(&out.stdout);
    assert!(
        tree.lines().count() > 10,
        "cargo tree printed the real tree"
    );
    let tauri: Vec<&str> = tree
        .lines()
        .filter(|l| l.starts_with("tauri") || l.starts_with("wry") || l.starts_with("webkit"))
        .collect();
    assert!(
        tauri.is_empty(),
        "atlas-core must not depend on Tauri or a webview: {tauri:?}"
    );
}
