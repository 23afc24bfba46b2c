//! Every webview window the app opens, and the rule that keeps each of them inside the app.
//!
//! Rendered markdown reaches the webviews from content packs, imported organisations and
//! imported tours. The sanitiser leaves ordinary links alone, and a webview follows a clicked
//! link by default: one link in an imported tour would replace the projector with a remote
//! page, or open a window the app does not know. The app is offline and its pages never need
//! to leave it, so every window is made here, by one builder that refuses any navigation
//! outside the app's own origin and every request for a new window. A window built elsewhere
//! would not carry the rule, hence the single place.

use tauri::webview::NewWindowResponse;
use tauri::{Manager, Runtime, Url, WebviewUrl, WebviewWindowBuilder};

/// The scheme and host Tauri serves the app's own pages from. On Linux and macOS the pages
/// come from the `tauri` custom protocol; Windows and Android go through wry's
/// `http://tauri.localhost` workaround instead (no `useHttpsScheme` in tauri.conf.json).
#[cfg(not(any(windows, target_os = "android")))]
const APP_ORIGIN: (&str, &str) = ("tauri", "localhost");
#[cfg(any(windows, target_os = "android"))]
const APP_ORIGIN: (&str, &str) = ("http", "tauri.localhost");

/// Whether a window may go to `url`: only to a page of the app itself, at the exact origin
/// Tauri serves it from (no other scheme, host, port or credentials). The rule is asked for
/// frames inside a page too, and the Report dialog's preview is such a frame: `about:srcdoc`,
/// a document the app's own page wrote into it, which only a frame can show.
pub fn stays_in_app(url: &Url) -> bool {
    if url.as_str() == "about:srcdoc" {
        return true;
    }
    let (scheme, host) = APP_ORIGIN;
    url.scheme() == scheme
        && url.host_str() == Some(host)
        && url.port().is_none()
        && url.username().is_empty()
        && url.password().is_none()
}

/// A window showing `page` of the app (`index.html`, `index.html?window=presenter`), which
/// never navigates away from the app and never opens another window.
pub fn app_window<'a, R: Runtime, M: Manager<R>>(
    manager: &'a M,
    label: &str,
    page: &str,
) -> WebviewWindowBuilder<'a, R, M> {
    WebviewWindowBuilder::new(manager, label, WebviewUrl::App(page.into()))
        .on_navigation(stays_in_app)
        .on_new_window(|_, _| NewWindowResponse::Deny)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed(url: &str) -> bool {
        stays_in_app(&Url::parse(url).expect("a URL in the test parses"))
    }

    #[test]
    fn the_app_pages_the_windows_open_are_allowed() {
        let (scheme, host) = APP_ORIGIN;
        for page in [
            "/index.html",
            "/index.html?window=presenter",
            "/",
            "/index.html#top",
        ] {
            let url = format!("{scheme}://{host}{page}");
            assert!(
                allowed(&url),
                "{url} is the app's own page: refusing it would leave the window blank"
            );
        }
    }

    #[test]
    fn the_report_preview_frame_may_show_the_page_the_app_wrote_into_it() {
        assert!(
            allowed("about:srcdoc"),
            "refusing it leaves the Report dialog's preview blank"
        );
        for url in ["about:srcdoc?x", "about:srcdoc#top", "about:srcdocx"] {
            assert!(!allowed(url), "{url} is not the frame's own document");
        }
    }

    #[test]
    fn a_link_in_an_imported_tour_cannot_take_a_window_off_the_app() {
        for url in [
            "https://example.com/",
            "http://example.com/index.html",
            "http://localhost/",
            "http://tauri.localhost.example.com/",
            "https://tauri.localhost/",
            "tauri://localhost.example.com/",
            "tauri://evil/index.html",
            "tauri://localhost:8080/index.html",
            "tauri://user@localhost/index.html",
            "tauri://localhost@example.com/",
            "file:///etc/passwd",
            "mailto:someone@example.com",
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "about:blank",
            "blob:tauri://localhost/0d7c",
            "ftp://example.com/",
            "ws://localhost/",
        ] {
            assert!(
                !allowed(url),
                "{url} is outside the app: a window must never show it"
            );
        }
    }

    #[cfg(not(any(windows, target_os = "android")))]
    #[test]
    fn the_windows_workaround_origin_is_not_the_app_on_linux() {
        // On Linux `tauri.localhost` is an ordinary host name that may resolve to a local
        // server, not the app: allowing it would let a page reach whatever listens there.
        assert!(!allowed("http://tauri.localhost/index.html"));
    }
}
