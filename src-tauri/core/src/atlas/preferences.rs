//! The person's preferences, read and saved through the application so that a new author
//! name takes effect on the very next change, in the window as on the command line.

use super::{Atlas, AtlasError};
use crate::limits::echo;
use crate::preferences::{Preferences, PreferencesView, ThemeChoice};
use std::path::Path;

impl Atlas {
    /// The saved preferences and the defaults they fall back on.
    pub fn preferences(&self) -> PreferencesView {
        let (saved, problem) = match Preferences::load(&self.data_dir) {
            Ok(p) => (p, None),
            Err(e) => (Preferences::default(), Some(e.to_string())),
        };
        PreferencesView {
            saved,
            system_author: crate::author::system_author(),
            problem,
        }
    }

    /// Saves the author's display name (blank: the system's full name) and the theme; every
    /// change from now on is attributed to that name. The export folder is kept as it was:
    /// only `set_export_dir`, called by the shell with a folder the person chose, changes it.
    pub fn save_preferences(
        &self,
        author: &str,
        theme: ThemeChoice,
    ) -> Result<PreferencesView, AtlasError> {
        let current = Preferences::load(&self.data_dir).unwrap_or_default();
        let saved = Preferences {
            author: Some(author.to_string()),
            theme: Some(theme),
            ..current
        }
        .save(&self.data_dir)?;
        self.attribute_to(&saved.author());
        Ok(self.preferences())
    }

    /// Saves `dir` as the folder every save dialog starts in and images and tours are written
    /// to. Only the shell calls this, with a folder the person chose in the system's dialog;
    /// a path that is not an existing folder is refused, naming it.
    pub fn set_export_dir(&self, dir: &Path) -> Result<PreferencesView, AtlasError> {
        if !dir.is_absolute() || !dir.is_dir() {
            return Err(AtlasError::Invalid(format!(
                "export folder: `{}` is not a folder on this computer",
                echo(&dir.display().to_string())
            )));
        }
        let current = Preferences::load(&self.data_dir).unwrap_or_default();
        Preferences {
            export_dir: Some(dir.display().to_string()),
            ..current
        }
        .save(&self.data_dir)?;
        Ok(self.preferences())
    }

    /// Who changes are attributed to from now on.
    fn attribute_to(&self, author: &str) {
        let _ = self.with_store(|s| {
            s.set_author(author);
            Ok(())
        });
    }
}
