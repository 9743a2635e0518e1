//! Named crash points for the tests: with `MILESTONE_FAULT=<point>` a debug build kills itself
//! (SIGKILL, as a power cut or the OOM killer would) at that point of a write. Release builds
//! compile this to nothing.

#[cfg(debug_assertions)]
pub fn point(name: &str) {
    if std::env::var_os("MILESTONE_FAULT").is_some_and(|v| v == name) {
        // SAFETY: kill() on our own pid has no memory effects.
        unsafe {
            libc::kill(libc::getpid(), libc::SIGKILL);
        }
    }
}

#[cfg(not(debug_assertions))]
pub fn point(_name: &str) {}
