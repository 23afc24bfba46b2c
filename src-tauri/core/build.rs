//! Embeds the repository's `content/` pack into the binary, so `atlas` works with no files
//! beside it. Only `framework.toml`, `nodes/**/*.md` and `tours/**/*.toml` are embedded, as the
//! loader reads.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let pack = manifest_dir.join("../../content");
    println!("cargo:rerun-if-changed={}", pack.display());
    let mut files = Vec::new();
    let manifest = pack.join("framework.toml");
    if manifest.exists() {
        files.push(manifest);
    }
    collect(&pack.join("nodes"), "md", &mut files);
    collect(&pack.join("tours"), "toml", &mut files);
    files.sort();

    let mut out = String::from("pub static FILES: &[(&str, &[u8])] = &[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let rel = f.strip_prefix(&pack).unwrap();
        let rel: Vec<_> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let abs = f.canonicalize().unwrap();
        writeln!(
            out,
            "    ({:?}, include_bytes!({:?})),",
            rel.join("/"),
            abs.display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("builtin_pack.rs");
    std::fs::write(dest, out).unwrap();
}

fn collect(dir: &Path, ext: &str, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        println!("cargo:rerun-if-changed={}", path.display());
        if path.is_dir() {
            collect(&path, ext, files);
        } else if path.extension().is_some_and(|e| e == ext) {
            files.push(path);
        }
    }
}
