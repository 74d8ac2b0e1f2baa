//! Shared helpers of the integration tests: fixture paths, CSV builders and
//! a runner for the real `klimat` binary.

#![forbid(unsafe_code)]

pub mod webdriver;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A file under `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    root().join("tests").join("fixtures").join(name)
}

/// The `klimat` binary of this build, built once on first use.
pub fn klimat_bin() -> PathBuf {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let exe = std::env::current_exe().expect("test executable path");
        // target/<profile>/deps/integration-… → target/<profile>/klimat
        let profile_dir = exe.parent().and_then(Path::parent).expect("target dir");
        let bin = profile_dir.join(format!("klimat{}", std::env::consts::EXE_SUFFIX));
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let status = Command::new(cargo)
            .current_dir(root())
            .args(["build", "--quiet", "-p", "klimat-cli", "--bin", "klimat"])
            .status()
            .expect("run cargo build for the klimat binary");
        assert!(status.success(), "building the klimat binary failed");
        assert!(bin.exists(), "klimat binary not found at {}", bin.display());
        bin
    })
    .clone()
}

/// Runs `klimat` with `args`.
pub fn klimat(args: &[&str]) -> Output {
    Command::new(klimat_bin())
        .args(args)
        .output()
        .expect("run klimat")
}

/// A temporary file that is removed when dropped.
pub struct TempFile(pub PathBuf);

impl TempFile {
    /// Writes `bytes` to a fresh file named after `name`.
    pub fn new(name: &str, bytes: &[u8]) -> Self {
        static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path =
            std::env::temp_dir().join(format!("klimat-test-{}-{n}-{name}", std::process::id()));
        std::fs::write(&path, bytes).expect("write temp file");
        Self(path)
    }

    /// The path as a string.
    pub fn path(&self) -> &str {
        self.0.to_str().expect("utf-8 temp path")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The header of a commitment template.
pub fn commitment_header() -> String {
    let qs: Vec<String> = (1..=15).map(|i| format!("q{i}")).collect();
    format!("code,tenure,subdivision,position,{}", qs.join(","))
}

/// The header of a satisfaction template.
pub fn satisfaction_header() -> String {
    let qs: Vec<String> = (1..=18).map(|i| format!("q{i}")).collect();
    format!("code,tenure,subdivision,position,{}", qs.join(","))
}

/// A fresh temporary directory, removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    /// Creates the directory.
    pub fn new(name: &str) -> Self {
        static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path =
            std::env::temp_dir().join(format!("klimat-dir-{}-{n}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("create temp dir");
        Self(path)
    }

    /// A path inside the directory.
    pub fn join(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The subdivisions of the fixtures and samples, as `--subdivisions` takes
/// them: a form may name only a subdivision of its survey's list.
pub const SUBDIVISIONS: &str =
    "Управление делами;Отдел кадров;Идеологический отдел;Финансовый отдел";

/// [`SUBDIVISIONS`] as a list.
pub fn subdivisions() -> Vec<String> {
    SUBDIVISIONS.split(';').map(str::to_owned).collect()
}

/// A commitment CSV of `n` valid forms (deterministic), with `bad_row`
/// (a 1-based data row) carrying a 7 on q4 if given.
pub fn commitment_csv(n: usize, bad_row: Option<usize>) -> String {
    let mut s = commitment_header();
    s.push('\n');
    let mut x: u64 = 7;
    for i in 1..=n {
        let mut cells = vec![
            format!("Анкета {i:06}"),
            ["lt1", "3", "Свыше 15 лет", ""][i % 4].to_owned(),
            ["Отдел кадров", ""][i % 2].to_owned(),
            "Специалист".to_owned(),
        ];
        for q in 1..=15 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let v = (x >> 33) % 6;
            cells.push(if bad_row == Some(i) && q == 4 {
                "7".into()
            } else if v == 0 {
                String::new()
            } else {
                v.to_string()
            });
        }
        s.push_str(&cells.join(","));
        s.push('\n');
    }
    s
}

/// A minimal XLSX package around one worksheet's XML, written by hand so
/// that a test can put in it what no spreadsheet program would.
pub fn raw_xlsx(sheet_data: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_owned(),
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_owned(),
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Анкеты" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_owned(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_owned(),
        ),
        (
            "xl/worksheets/sheet1.xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet_data}</sheetData></worksheet>"#
            ),
        ),
    ];
    for (name, body) in parts {
        zip.start_file(name, opts).unwrap();
        std::io::Write::write_all(&mut zip, body.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// An inline-string cell of sheet XML.
pub fn inline_cell(r: &str, text: &str) -> String {
    format!(r#"<c r="{r}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

/// A commitment header row and one data row (code, fifteen answers of 3)
/// in sheet XML, with `extra` cells appended to the data row.
pub fn commitment_rows(extra: &str) -> String {
    let header: String = commitment_header()
        .split(',')
        .enumerate()
        .map(|(i, name)| inline_cell(&format!("{}1", column(i)), name))
        .collect();
    let answers: String = (0..15)
        .map(|i| format!(r#"<c r="{}2"><v>3</v></c>"#, column(4 + i)))
        .collect();
    format!(
        r#"<row r="1">{header}</row><row r="2">{}{answers}{extra}</row>"#,
        inline_cell("A2", "Анкета 1")
    )
}

/// The spreadsheet letters of the 0-based column `i`.
pub fn column(i: usize) -> String {
    let mut n = i + 1;
    let mut out = Vec::new();
    while n > 0 {
        out.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap()
}
