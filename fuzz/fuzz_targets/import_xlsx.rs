//! Any bytes given to the XLSX import must be read or refused with an error,
//! never panic.
#![no_main]

use klimat_store::import::read_template;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Only zip-looking input reaches the XLSX reader.
    let mut bytes = b"PK\x03\x04".to_vec();
    bytes.extend_from_slice(data.strip_prefix(b"PK\x03\x04").unwrap_or(data));
    let _ = read_template(&bytes, None);
});
