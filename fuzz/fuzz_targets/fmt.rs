//! Fuzz target `fmt`: see `tiendo_fuzz::fmt` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = tiendo_fuzz::fmt(data);
});
