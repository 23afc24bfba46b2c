//! Work the window does not wait for, kept out of the way of the work it does.
//!
//! The search index is built while the window opens. On a two-core machine an index build at
//! normal priority took half the CPU from the webview and delayed a 5,000-node graph's first
//! picture by about a second. At a low priority it takes what the webview leaves idle and is
//! still ready a moment later. Not the lowest, though: at nice 19 on a machine kept busy by
//! other programs, search was still not ready after a minute; at nice 10 it gets about a tenth
//! of a busy core.

/// How far below normal the background work runs: 0 is normal, 19 the lowest.
#[cfg(target_os = "linux")]
const NICE: libc::c_int = 10;

/// Runs `work` on a named thread at a low scheduling priority.
pub fn spawn_idle(name: &str, work: impl FnOnce() + Send + 'static) {
    let spawned = std::thread::Builder::new()
        .name(name.to_string())
        .spawn(move || {
            lower_this_thread();
            work();
        });
    if let Err(e) = spawned {
        eprintln!("could not start the {name} thread: {e}");
    }
}

#[cfg(target_os = "linux")]
fn lower_this_thread() {
    // On Linux a nice value belongs to a thread, so this lowers the calling thread alone.
    // SAFETY: gettid has no preconditions, and setpriority only reads its arguments; a failure
    // is reported through its return value, which is checked.
    let failed =
        unsafe { libc::setpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t, NICE) } != 0;
    if failed {
        eprintln!(
            "running background work at normal priority: {}",
            std::io::Error::last_os_error()
        );
    }
}

#[cfg(not(target_os = "linux"))]
fn lower_this_thread() {}
