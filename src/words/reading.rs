//! What a reading command says when the journal has mistakes it can read around.

pub fn shown_without(count: usize) -> String {
    let (what, fix) = if count == 1 {
        ("this mistake keeps", "fix it")
    } else {
        ("these mistakes keep", "fix them")
    };
    format!(
        "what {what} from being read is left out above; {fix} with `milestone check` (until then nothing is written to the journal)"
    )
}
