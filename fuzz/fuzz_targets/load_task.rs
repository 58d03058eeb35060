//! Fuzz target `load_task`: see `tiendo_fuzz::load_task` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = tiendo_fuzz::load_task(data);
});
