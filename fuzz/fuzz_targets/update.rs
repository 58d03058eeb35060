//! Fuzz target `update`: see `tiendo_fuzz::update` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = tiendo_fuzz::update(data);
});
