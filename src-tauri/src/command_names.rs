// The names of the app's IPC commands. Shared by build.rs (which generates one permission per
// command) and by the IPC surface, whose test checks that this list matches what it declares.
pub const COMMAND_NAMES: &[&str] = &[
    "framework",
    "node",
    "store_status",
    "organisations",
    "create_organisation",
    "assessment",
    "save_assessment",
    "undo",
    "redo",
    "search",
];
