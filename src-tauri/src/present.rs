//! Presenting: the state both workshop windows show, and the facilitator's second window.
//!
//! The projected window and the presenter window are two webviews of one app. Whichever one
//! moves the presentation (a clicker on the projector, a button on the laptop) sends the whole
//! new state here; it is kept and broadcast to both, so neither window is the other's master
//! and a presenter window opened mid-workshop starts in step.

use crate::state::AppState;
use crate::windows;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Emitter, Manager};
use ts_rs::TS;

/// The event both windows listen to.
pub const EVENT: &str = "presentation";
pub const PRESENTER_WINDOW: &str = "presenter";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Presentation {
    /// False once the facilitator leaves presenting; the presenter window then says so.
    pub active: bool,
    /// The tour being walked, if any.
    pub tour: Option<String>,
    /// 0-based step in the tour.
    pub step: u32,
    /// The node on screen (the step's node, or the one the facilitator opened).
    pub node: Option<String>,
    /// The view on screen: `graph` or `map`.
    pub view: String,
    /// Whether the organisation's notes, evidence and scores are shown to the room.
    pub revealed: bool,
    pub blackout: bool,
    #[ts(type = "number | null")]
    pub org: Option<i64>,
    #[ts(type = "number | null")]
    pub workshop: Option<i64>,
    /// When presenting began (ISO 8601), for the presenter's timer.
    pub started_at: String,
}

/// What is being presented now, for a window that opens mid-presentation.
pub fn current(app: &AppState) -> Option<Presentation> {
    // The state is replaced whole, so a panic elsewhere cannot leave it half-written.
    app.presentation
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone()
}

/// Keeps `state` as the presentation and broadcasts it to both windows.
pub fn set(app: &AppState, state: Presentation) -> Result<(), String> {
    *app.presentation.lock().unwrap_or_else(|e| e.into_inner()) = Some(state.clone());
    let handle = app.handle.get().ok_or("the app's windows are not up yet")?;
    publish(handle, &state)
}

/// Broadcasts the state to both windows and puts the main window in or out of full screen.
fn publish(app: &AppHandle, state: &Presentation) -> Result<(), String> {
    if let Some(main) = app.get_webview_window("main") {
        // A window manager may refuse full screen; the presentation still works windowed.
        let _ = main.set_fullscreen(state.active);
        // The menu bar is the facilitator's, not the room's: the projected view fills the
        // window while presenting, and the bar comes back after.
        let _ = if state.active {
            main.hide_menu()
        } else {
            main.show_menu()
        };
    }
    app.emit(EVENT, state).map_err(|e| e.to_string())
}

/// Opens the presenter window, or brings it forward when it is already open.
pub fn open_presenter(app: &AppHandle) -> Result<(), String> {
    if let Some(w) = app.get_webview_window(PRESENTER_WINDOW) {
        return w.set_focus().map_err(|e| e.to_string());
    }
    windows::app_window(app, PRESENTER_WINDOW, "index.html?window=presenter")
        .title("Capability Atlas — presenter")
        .inner_size(1100.0, 720.0)
        .min_inner_size(640.0, 480.0)
        .build()
        .map(|_| ())
        .map_err(|e| e.to_string())
}
