//! Hostile markdown in a content pack never reaches the webview as live HTML.

use crate::support::ScratchPack;
use atlas_core::api;

const HOSTILE: &str = r##"Hello <script>alert('x')</script>

<img src=x onerror="alert(1)"> <iframe src="https://evil.example"></iframe>

[click me](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=)

<a href="#" onmouseover="steal()">hover</a> <style>body{display:none}</style>

<svg onload="alert(1)"><circle/></svg> ![pixel](https://tracker.example/p.png)
"##;

#[test]
fn hostile_bodies_are_rendered_inert() {
    let pack = ScratchPack::new();
    let text = std::fs::read_to_string(pack.path().join("nodes/stock.md")).unwrap();
    pack.write(
        "nodes/stock.md",
        text.replace("Supplies, dates and the shopping list.", HOSTILE),
    );
    let fw = pack.load().expect("hostile text is still valid content");
    let html = api::node_detail(&fw, "stock").unwrap().html.to_lowercase();
    for banned in [
        "<script",
        "onerror",
        "onmouseover",
        "onload",
        "javascript:",
        "data:text",
        "<iframe",
        "<style",
        "<svg",
        "<img",
    ] {
        assert!(
            !html.contains(banned),
            "{banned} must not survive sanitising: {html}"
        );
    }
    assert!(html.contains("hello"), "the harmless text is kept");
}
