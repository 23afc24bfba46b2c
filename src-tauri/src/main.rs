// Keeps Windows release builds from opening a console window behind the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    atlas_app::run()
}
