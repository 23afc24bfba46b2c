//! The preferences of the person using this computer: the name their changes are attributed
//! to, the theme, the export folder, the framework pack folder opened last.
//!
//! They live in `<data dir>/preferences.json`, not in the database: they belong to whoever
//! sits at this computer rather than to the organisations' data, so restoring a backup or
//! importing a file never changes them, and adding one needs no migration. The file is written
//! whole through `atomic_file` (a crash leaves the earlier file or the new one, never half of
//! either); one that cannot be read is reported by name and never stops the app, which then
//! uses the defaults.

use crate::atomic_file::{self, Existing, WriteError};
use crate::limits::{self, echo};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// The preferences file inside the data folder.
pub const PREFERENCES_FILE: &str = "preferences.json";

/// The colour theme: follow the system, or force light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ThemeChoice {
    System,
    Light,
    Dark,
}

/// What the person chose; a field left out means "the default".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Preferences {
    /// The name written into every history entry from now on; `None` for the system's full
    /// name (see `author`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// `None` until one is chosen: the window then keeps the theme it last showed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<ThemeChoice>,
    /// Where exports go; `None` for the downloads folder. Only the shell sets it, from the
    /// folder the person chose in the system's dialog: the window never names a path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export_dir: Option<String>,
    /// The framework pack folder opened last; `None` for the built-in pack. Only the shell
    /// sets it, from the folder the person chose; the next start opens it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack_dir: Option<String>,
}

/// Preferences that could not be read, checked or written. Each names the file or the field.
#[derive(Debug, thiserror::Error)]
pub enum PreferencesError {
    /// The file is there but is not preferences this build can read.
    #[error("{}: {detail}; the defaults are used until preferences are saved again", .path.display())]
    Unreadable { path: PathBuf, detail: String },
    /// A value refused before anything is written.
    #[error("preferences: field `{field}`: {reason}")]
    Invalid { field: &'static str, reason: String },
    /// The file could not be written; the earlier one is unchanged.
    #[error(transparent)]
    Write(#[from] WriteError),
}

impl Preferences {
    /// The preferences saved in `data_dir`; the defaults when none were ever saved.
    pub fn load(data_dir: &Path) -> Result<Preferences, PreferencesError> {
        let path = data_dir.join(PREFERENCES_FILE);
        let unreadable = |detail: String| PreferencesError::Unreadable {
            path: path.clone(),
            detail,
        };
        let text = match std::fs::metadata(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Preferences::default()),
            Err(e) => return Err(unreadable(e.to_string())),
            Ok(m) if m.len() > PREFERENCES_BYTES => {
                return Err(unreadable(format!(
                    "{} bytes is more than the {PREFERENCES_BYTES} a preferences file may hold",
                    m.len()
                )))
            }
            Ok(_) => std::fs::read_to_string(&path).map_err(|e| unreadable(e.to_string()))?,
        };
        let prefs: Preferences =
            serde_json::from_str(&text).map_err(|e| unreadable(e.to_string()))?;
        prefs.checked().map_err(|e| unreadable(e.to_string()))
    }

    /// Writes these preferences into `data_dir` (whole or not at all), after checking them.
    pub fn save(&self, data_dir: &Path) -> Result<Preferences, PreferencesError> {
        let prefs = self.clone().checked()?;
        std::fs::create_dir_all(data_dir).map_err(|source| WriteError::Io {
            path: data_dir.to_path_buf(),
            source,
        })?;
        let mut text = serde_json::to_string_pretty(&prefs).expect("preferences serialise");
        text.push('\n');
        atomic_file::write(
            &data_dir.join(PREFERENCES_FILE),
            Existing::Replace,
            text.as_bytes(),
        )?;
        Ok(prefs)
    }

    /// The author's name trimmed (blank meaning "the default"), within the length of a name.
    fn checked(mut self) -> Result<Preferences, PreferencesError> {
        self.author = self
            .author
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty());
        if let Some(author) = &self.author {
            let n = author.chars().count();
            if n > limits::MAX_NAME_CHARS {
                return Err(PreferencesError::Invalid {
                    field: "author",
                    reason: format!(
                        "{n} characters is more than the {} allowed",
                        limits::MAX_NAME_CHARS
                    ),
                });
            }
            if author.chars().any(char::is_control) {
                return Err(PreferencesError::Invalid {
                    field: "author",
                    reason: format!("`{}` holds a control character", echo(author)),
                });
            }
        }
        Ok(self)
    }

    /// Who changes are attributed to: the chosen name, else the system's full name.
    pub fn author(&self) -> String {
        self.author
            .clone()
            .unwrap_or_else(crate::author::system_author)
    }
}

/// Largest preferences file read: a few names and a path need far less.
const PREFERENCES_BYTES: u64 = 64 * 1024;

/// Who changes made from `data_dir` are attributed to: the saved author, else the system's
/// full name. A preferences file that cannot be read falls back to the system's name rather
/// than keeping anyone from working.
pub fn author_for(data_dir: &Path) -> String {
    Preferences::load(data_dir).unwrap_or_default().author()
}

/// The preferences as the window shows them: what was chosen, and what is in effect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PreferencesView {
    pub saved: Preferences,
    /// The name used when none is chosen: the system's full name.
    pub system_author: String,
    /// Why the saved file could not be read, when it could not (the defaults are shown).
    pub problem: Option<String>,
}
