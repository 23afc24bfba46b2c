//! The main window's native menu bar: File, Edit, View, Help.
//!
//! The menu decides nothing. A click on one of the app's own items sends its id to the main
//! window as ONE `menu` event, and the window runs the same function its button or key runs
//! (`ui/src/lib/menu.svelte.ts`), so a menu item and its button can never disagree. Only the
//! edit items the desktop provides itself (cut, copy, paste, select all) act in the shell.
//!
//! Accelerators: only chords with Ctrl (Cmd on macOS) that no text field uses are the menu's
//! own (report, preferences, quit). The views' single letters and Ctrl+Z stay the window's
//! keys, where `typing.ts` keeps them from ever taking a key typed into a field; a native
//! accelerator would take the key before the field sees it. The presenter's window has no menu.
//!
//! WebDriver cannot click a native menu, so `activate` — what a click does — is also reachable
//! from the window through the `menu_activate` command, but only when the app was started with
//! `ATLAS_TEST_MENU=1` (the end-to-end tests' seam; nothing else reads it).

use tauri::menu::{Menu, MenuBuilder, MenuItemBuilder, PredefinedMenuItem, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// The event a menu click sends to the main window, with the item's id as its payload.
pub const EVENT: &str = "menu";
/// The window the menu belongs to and its events go to.
pub const WINDOW: &str = "main";

/// One entry of a menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// The app's own item: its id (what the window is told), label and accelerator.
    Item(&'static str, &'static str, Option<&'static str>),
    /// An item the desktop provides.
    Predefined(Predefined),
    Separator,
}

/// The desktop's own items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Predefined {
    Cut,
    Copy,
    Paste,
    SelectAll,
}

use Entry::{Item, Separator};

/// The menus, in order, with their entries. The ids are the window's handlers' names.
pub const MENUS: &[(&str, &[Entry])] = &[
    (
        "&File",
        &[
            Item("file.new-organisation", "New organisation…", None),
            Separator,
            Item("file.import", "Import…", None),
            Item("file.export", "Export…", None),
            Item("file.report", "Report…", Some("CmdOrCtrl+P")),
            Separator,
            Item("file.backup", "Back up now", None),
            Item("file.restore", "Restore…", None),
            Separator,
            Item("file.open-pack", "Open framework pack…", None),
            Separator,
            Item("file.preferences", "Preferences…", Some("CmdOrCtrl+,")),
            Separator,
            Item(QUIT, "Quit", Some("CmdOrCtrl+Q")),
        ],
    ),
    (
        "&Edit",
        &[
            Item("edit.undo", "Undo", None),
            Item("edit.redo", "Redo", None),
            Separator,
            Entry::Predefined(Predefined::Cut),
            Entry::Predefined(Predefined::Copy),
            Entry::Predefined(Predefined::Paste),
            Entry::Predefined(Predefined::SelectAll),
        ],
    ),
    (
        "&View",
        &[
            Item("view.graph", "Graph", None),
            Item("view.map", "Map", None),
            Item("view.dashboard", "Dashboard", None),
            Item("view.outline", "Outline", None),
            Item("view.crosswalk", "Crosswalk", None),
            Separator,
            Item("view.fit", "Fit the graph", None),
            Item("view.present", "Present…", None),
            Separator,
            Item("view.theme", "Switch light or dark theme", None),
        ],
    ),
    (
        "&Help",
        &[
            Item("help.shortcuts", "Keyboard shortcuts", None),
            Item("help.about", "About Capability Atlas", None),
        ],
    ),
];

/// Quit is the shell's: it ends the app, which no window handler can do. The desktop's own
/// Quit item exists on macOS only, so the app has its own everywhere.
const QUIT: &str = "file.quit";

/// Every id of the app's own items, in menu order.
pub fn ids() -> impl Iterator<Item = &'static str> {
    MENUS.iter().flat_map(|(_, entries)| {
        entries.iter().filter_map(|e| match e {
            Item(id, _, _) => Some(*id),
            _ => None,
        })
    })
}

/// The menu bar, built for the main window.
pub fn build<R: Runtime, M: Manager<R>>(manager: &M) -> tauri::Result<Menu<R>> {
    let mut bar = MenuBuilder::new(manager);
    for (title, entries) in MENUS {
        let mut menu = SubmenuBuilder::new(manager, title);
        for entry in *entries {
            menu = match entry {
                Item(id, label, accelerator) => {
                    let mut item = MenuItemBuilder::with_id(*id, label);
                    if let Some(keys) = accelerator {
                        item = item.accelerator(keys);
                    }
                    menu.item(&item.build(manager)?)
                }
                Separator => menu.separator(),
                Entry::Predefined(p) => menu.item(&match p {
                    Predefined::Cut => PredefinedMenuItem::cut(manager, None)?,
                    Predefined::Copy => PredefinedMenuItem::copy(manager, None)?,
                    Predefined::Paste => PredefinedMenuItem::paste(manager, None)?,
                    Predefined::SelectAll => PredefinedMenuItem::select_all(manager, None)?,
                }),
            };
        }
        bar = bar.item(&menu.build()?);
    }
    bar.build()
}

/// Where a click on the item `id` goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route<'a> {
    /// Quit: the shell ends the app.
    Quit,
    /// Sent to the main window as the `menu` event with this id.
    Window(&'a str),
    /// Not an item of ours (the desktop's own items): the desktop handles it.
    NotOurs,
}

pub fn route(id: &str) -> Route<'_> {
    if id == QUIT {
        Route::Quit
    } else if ids().any(|known| known == id) {
        Route::Window(id)
    } else {
        Route::NotOurs
    }
}

/// What clicking the item `id` does (see `route`).
pub fn activate<R: Runtime>(app: &AppHandle<R>, id: &str) -> Result<(), String> {
    match route(id) {
        Route::Quit => {
            app.exit(0);
            Ok(())
        }
        Route::Window(id) => app.emit_to(WINDOW, EVENT, id).map_err(|e| e.to_string()),
        Route::NotOurs => Err(format!(
            "`{}` is not an item of the menu",
            atlas_core::limits::echo(id)
        )),
    }
}

/// Whether the tests' seam (`ATLAS_TEST_MENU=1`) was asked for when the app started.
pub fn seam_from_env() -> bool {
    std::env::var_os("ATLAS_TEST_MENU").is_some_and(|v| v == "1")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The ids the window registers handlers under, as `menu.svelte.ts` lists them.
    fn ui_ids() -> BTreeSet<String> {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../ui/src/lib/menu.svelte.ts"
        ))
        .expect("the window's menu module");
        let list = text
            .split("export const MENU_ITEMS")
            .nth(1)
            .and_then(|rest| rest.split("];").next())
            .expect("MENU_ITEMS in menu.svelte.ts");
        list.split("id: '")
            .skip(1)
            .filter_map(|s| s.split('\'').next())
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn the_menu_holds_every_item_the_issue_names_with_ids_the_window_knows() {
        let ours: BTreeSet<String> = ids().filter(|id| *id != QUIT).map(Into::into).collect();
        for wanted in [
            "file.new-organisation",
            "file.import",
            "file.export",
            "file.report",
            "file.backup",
            "file.restore",
            "file.open-pack",
            "file.preferences",
            "edit.undo",
            "edit.redo",
            "view.graph",
            "view.map",
            "view.dashboard",
            "view.outline",
            "view.crosswalk",
            "view.fit",
            "view.present",
            "view.theme",
            "help.shortcuts",
            "help.about",
        ] {
            assert!(ours.contains(wanted), "the menu lacks {wanted}");
        }
        assert_eq!(
            ours,
            ui_ids(),
            "every menu id must be one the window lists (menu.svelte.ts), or a click on it would \
             reach no handler and no notice"
        );
        let all: Vec<&str> = ids().collect();
        assert_eq!(
            all.len(),
            all.iter().collect::<BTreeSet<_>>().len(),
            "ids are unique"
        );
    }

    #[test]
    fn no_plain_key_or_text_undo_is_a_native_accelerator() {
        for (_, entries) in MENUS {
            for entry in *entries {
                if let Item(id, _, Some(keys)) = entry {
                    assert!(
                        keys.starts_with("CmdOrCtrl+") && !keys.ends_with("+Z"),
                        "{id}: {keys} would take a key from a text field before typing.ts is asked"
                    );
                }
            }
        }
    }

    #[test]
    fn each_item_of_ours_is_sent_to_the_main_window_under_its_own_id() {
        for id in ids() {
            let expected = if id == QUIT {
                Route::Quit
            } else {
                Route::Window(id)
            };
            assert_eq!(route(id), expected, "{id}");
        }
        assert_eq!(
            route("file.nonsense"),
            Route::NotOurs,
            "an id the menu does not hold is refused, not sent"
        );
        assert_eq!(
            (EVENT, WINDOW),
            ("menu", "main"),
            "what menu.svelte.ts listens for"
        );
    }
}
