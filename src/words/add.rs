//! What `milestone add` says.

pub fn arguments_over_stdin() -> &'static str {
    "the note given as arguments was used; what was piped to standard input was left out (leave out the arguments to use the piped text)"
}
