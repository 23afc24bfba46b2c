//! How the webview paints, chosen before it starts.
//!
//! WebKitGTK paints pages with Skia, on the GPU through OpenGL by default. On a machine without
//! a GPU (a virtual machine, a remote desktop, a server running the app under Xvfb) that OpenGL
//! is Mesa's software rasterizer, and WebKit's GPU painting thread crashed inside it now and
//! then (a segfault in `swrast_dri.so`), which took the page down with it. Skia's own CPU
//! painting does the same work without OpenGL, so it is the one used when there is no GPU.
//! WebKit reads the setting once, when its processes start, so it is set before the window
//! opens, and a value set by the user is left alone.

use std::path::Path;

/// Where Linux lists the GPUs a program may render with, as `renderD128`, `renderD129` ….
const RENDER_NODES: &str = "/dev/dri";
const CPU_PAINTING: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// Asks WebKit to paint with the CPU when this machine has no GPU to render with. Must run
/// before any other thread starts: it changes the process environment.
pub fn paint_with_cpu_without_gpu() {
    if cfg!(target_os = "linux")
        && std::env::var_os(CPU_PAINTING).is_none()
        && !has_render_node(Path::new(RENDER_NODES))
    {
        std::env::set_var(CPU_PAINTING, "1");
    }
}

/// Whether `dir` holds a DRM render node, the device a program renders on a GPU through.
fn has_render_node(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
    })
}

#[cfg(test)]
mod tests {
    use super::has_render_node;

    #[test]
    fn a_gpu_is_a_render_node_in_the_dri_folder() {
        let dri = tempfile::tempdir().unwrap();
        assert!(!has_render_node(dri.path()), "an empty folder has no GPU");
        std::fs::write(dri.path().join("card0"), "").unwrap();
        assert!(
            !has_render_node(dri.path()),
            "a display card alone is not for rendering"
        );
        std::fs::write(dri.path().join("renderD128"), "").unwrap();
        assert!(has_render_node(dri.path()));
        assert!(
            !has_render_node(&dri.path().join("missing")),
            "no folder, no GPU"
        );
    }
}
