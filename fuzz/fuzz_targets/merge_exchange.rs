//! Any bytes given to the merge of an exchange file must be merged or
//! refused with an error, never panic; a refused merge changes nothing.
#![no_main]

use klimat_store::Db;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut db = Db::open_in_memory().expect("in-memory database");
    let surveys = db.surveys().expect("surveys").len();
    if db.merge(data).is_err() {
        assert_eq!(db.surveys().expect("surveys").len(), surveys, "a refused merge left a survey");
        assert_eq!(db.form_count().expect("count"), 0, "a refused merge left forms");
    }
});
