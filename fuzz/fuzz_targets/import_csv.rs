//! Any bytes given to the CSV import must be read or refused with an error,
//! never panic; a file that is read must export and read back the same.
#![no_main]

use klimat_core::Instrument;
use klimat_store::export::to_csv;
use klimat_store::import::read_template;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for instrument in [None, Some(Instrument::Commitment), Some(Instrument::Satisfaction), Some(Instrument::Culture)] {
        if let Ok(file) = read_template(data, instrument) {
            let csv = to_csv(file.instrument, &file.forms).expect("export");
            let back = read_template(&csv, Some(file.instrument)).expect("re-import of an export");
            assert_eq!(back.forms, file.forms, "round trip");
        }
    }
});
