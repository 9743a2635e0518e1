//! Test-only code that checks the whole crate rather than one module: property tests against an
//! oracle written from the contract, and the loader and date parser under arbitrary input
//! (the same properties `fuzz/` runs coverage-guided).

mod day_counting_oracle;
mod loader_fuzz;
