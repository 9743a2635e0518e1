// The floor of bench/run: the cheapest a Rust program can be (process start, nothing else).
fn main() {}
