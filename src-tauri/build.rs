//! Declares the app's own commands to Tauri so that each gets a permission and the main
//! window's capability can grant exactly these and nothing else.

include!("src/command_names.rs");

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMAND_NAMES));
    tauri_build::try_build(attributes).expect("tauri-build failed");
}
