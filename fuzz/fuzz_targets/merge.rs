//! Fuzz target `merge`: see `tiendo_fuzz::merge` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    tiendo_fuzz::merge(data);
});
