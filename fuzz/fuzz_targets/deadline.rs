//! Fuzz target `deadline`: see `tiendo_fuzz::deadline` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = tiendo_fuzz::deadline(data);
});
