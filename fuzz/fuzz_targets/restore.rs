//! Any file given to restore must be restored or refused with an error,
//! never panic; a refused restore leaves the database as it was, and a
//! restored one reads back whole.
#![no_main]

use klimat_store::Db;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = std::env::temp_dir().join(format!("klimat-fuzz-restore-{}.db", std::process::id()));
    std::fs::write(&path, data).expect("write the input");
    let mut db = Db::open_in_memory().expect("in-memory database");
    match db.restore(&path) {
        Ok(_) => {
            for s in db.surveys().expect("a restored database reads back") {
                for i in klimat_core::Instrument::ALL {
                    if s.settings.instruments.contains(&i) {
                        db.forms(s.id, i).expect("its forms read back");
                    }
                }
            }
        }
        Err(_) => assert_eq!(db.form_count().expect("count"), 0),
    }
    let _ = std::fs::remove_file(&path);
});
