//! Opening the window and serving the IPC surface.

use crate::background;
use crate::ipc;
use crate::menu;
use crate::state::AppState;
use crate::windows;
use std::process::ExitCode;
use tauri::Manager;

pub fn run(state: AppState) -> ExitCode {
    let result = tauri::Builder::default()
        .manage(state)
        // Only the shell shows the save dialog (`saving`); the window is granted none of the
        // plugin's commands.
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(ipc::handler())
        .on_menu_event(|app, event| {
            if let Err(e) = menu::activate(app, event.id().as_ref()) {
                eprintln!("the menu: {e}");
            }
        })
        .setup(|app| {
            windows::app_window(app, menu::WINDOW, "index.html")
                .title("Capability Atlas")
                .menu(menu::build(app)?)
                .inner_size(1280.0, 800.0)
                .min_inner_size(800.0, 560.0)
                .build()?;
            let state = app.state::<AppState>();
            let exports = std::env::var_os("ATLAS_EXPORT_DIR")
                .map(std::path::PathBuf::from)
                .or_else(|| state.atlas.preferences().saved.export_dir.map(Into::into))
                .or_else(|| app.path().download_dir().ok());
            if let Some(dir) = exports {
                app.state::<AppState>().set_exports(dir);
            }
            let _ = app.state::<AppState>().handle.set(app.handle().clone());
            let handle = app.handle().clone();
            background::spawn_idle("search-index", move || {
                handle.state::<AppState>().atlas.build_search()
            });
            Ok(())
        })
        .run(tauri::generate_context!());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Capability Atlas could not start: {e}");
            ExitCode::FAILURE
        }
    }
}
