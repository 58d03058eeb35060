//! Fuzz target `registry`: see `tiendo_fuzz::registry` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    tiendo_fuzz::registry(data);
});
