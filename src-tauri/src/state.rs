//! What the running app holds: the loaded framework (or why it could not be loaded) and
//! where user data lives.

use atlas_core::api::{ApiError, ErrorCode};
use atlas_core::{Framework, LoadReport};
use std::path::PathBuf;
use std::sync::Arc;

pub struct AppState {
    /// A pack that failed to load is kept as its report, so the window can show the author
    /// every problem instead of the app refusing to start.
    framework: Result<Arc<Framework>, LoadReport>,
    #[allow(dead_code)] // read by the annotation store, which lands next
    pub data_dir: PathBuf,
}

impl AppState {
    pub fn new(framework: Result<Framework, LoadReport>, data_dir: PathBuf) -> Self {
        AppState {
            framework: framework.map(Arc::new),
            data_dir,
        }
    }

    pub fn framework(&self) -> Result<&Framework, ApiError> {
        self.framework.as_deref().map_err(|report| ApiError {
            code: ErrorCode::InvalidInput,
            message: format!("The framework pack could not be loaded:\n{report}"),
        })
    }
}
