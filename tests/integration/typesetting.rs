//! The report as an official document (issue 17), read back from the files:
//! the PDF's geometry and numbering through `pdftotext -bbox`, its outline
//! and language through lopdf, the typography of its text.

use std::process::Command;

use klimat_tests::TempDir;

use crate::report::{ok, pdf_words, pdftotext, survey_with};

/// Points per millimetre.
const PT: f64 = 72.0 / 25.4;

/// One word of `pdftotext -bbox`: page (from 1), text, x/y of its box in
/// points from the top-left corner.
#[derive(Debug)]
struct Word {
    page: usize,
    text: String,
    x_min: f64,
    y_min: f64,
    x_max: f64,
    y_max: f64,
}

fn attr(line: &str, name: &str) -> f64 {
    let key = format!("{name}=\"");
    let start = line.find(&key).unwrap() + key.len();
    let end = start + line[start..].find('"').unwrap();
    line[start..end].parse().unwrap()
}

fn words(pdf: &std::path::Path) -> Vec<Word> {
    let out = Command::new("pdftotext")
        .args(["-bbox", pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    let mut page = 0;
    let mut words = Vec::new();
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            page += 1;
        } else if line.starts_with("<word ") {
            let text = line[line.find('>').unwrap() + 1..line.rfind("</word>").unwrap()].to_owned();
            words.push(Word {
                page,
                text,
                x_min: attr(line, "xMin"),
                y_min: attr(line, "yMin"),
                x_max: attr(line, "xMax"),
                y_max: attr(line, "yMax"),
            });
        }
    }
    words
}

fn report(dir: &TempDir, first_answer: &str) -> std::path::PathBuf {
    let (db, id) = survey_with(dir, first_answer);
    let pdf = dir.join("r.pdf");
    ok(&[
        "--db",
        &db,
        "report",
        "--survey",
        &id,
        "--pdf",
        pdf.to_str().unwrap(),
    ]);
    pdf
}

#[test]
fn the_pdf_keeps_the_office_margins_and_numbers_pages_in_the_top_margin() {
    let dir = TempDir::new("typeset-margins");
    let pdf = report(&dir, "профессионализм");
    let words = words(&pdf);
    let pages = words.iter().map(|w| w.page).max().unwrap();
    assert!(pages > 5);
    // Margins of the Инструкция по делопроизводству: left 30 mm, right
    // 10 mm, top and bottom 20 mm (half a millimetre for rounding).
    let (left, right) = (30.0 * PT - 1.5, (210.0 - 10.0) * PT + 1.5);
    let (top, bottom) = (20.0 * PT - 1.5, (297.0 - 20.0) * PT + 1.5);
    for w in &words {
        assert!(
            w.x_min >= left && w.x_max <= right,
            "page {}: «{}» outside the side margins ({:.1}–{:.1} pt)",
            w.page,
            w.text,
            w.x_min,
            w.x_max
        );
        let in_top_margin = w.y_min < top;
        assert!(
            w.y_max <= bottom,
            "page {}: «{}» in the bottom margin",
            w.page,
            w.text
        );
        if in_top_margin {
            // Only the page number: centred over the text, arabic
            // numerals, no words, none on the first page.
            assert_ne!(w.page, 1, "the first page carries no number: «{}»", w.text);
            assert_eq!(
                w.text,
                w.page.to_string(),
                "page {}: the top margin holds its number",
                w.page
            );
            let centre = (w.x_min + w.x_max) / 2.0;
            let text_centre = (30.0 + 200.0) / 2.0 * PT;
            assert!(
                (centre - text_centre).abs() < 2.0,
                "page {}: number at {centre:.1} pt",
                w.page
            );
            // Its baseline 12 mm from the top edge (the box includes the
            // font's ascent and descent).
            assert!(
                w.y_min > 5.0 * PT && w.y_max < 16.0 * PT,
                "in the top margin: {w:?}"
            );
        }
    }
    for page in 2..=pages {
        assert!(
            words
                .iter()
                .any(|w| w.page == page && w.text == page.to_string() && w.y_min < top),
            "page {page} is numbered"
        );
    }
    assert!(!words.iter().any(|w| w.text.contains("Страница")));
}

#[test]
fn the_pdf_prints_true_minus_signs_dashes_and_numbered_captions() {
    let dir = TempDir::new("typeset-text");
    let pdf = report(&dir, "профессионализм");
    let text = pdftotext(&pdf);
    // Table Б.6 holds negative block means (Би, Гл, Ев): with U+2212.
    assert!(text.contains("−3,"), "a negative mean with a true minus");
    for line in text.lines() {
        let chars: Vec<char> = line.chars().collect();
        for (i, pair) in chars.windows(2).enumerate() {
            let prev = i.checked_sub(1).map_or(' ', |j| chars[j]);
            assert!(
                !(pair[0] == '-' && pair[1].is_ascii_digit() && !prev.is_alphanumeric()),
                "a hyphen-minus before a number: «{line}»"
            );
        }
        assert!(
            !line.trim_start().starts_with('%'),
            "«%» parted from its number: «{line}»"
        );
    }
    assert!(
        text.contains("1–3 лет") || text.contains("от 1 до 3"),
        "ranges with an en dash"
    );
    // Tables and figures in one sequence each, the methodology's number kept.
    for n in 1..=5 {
        assert!(text.contains(&format!("Таблица {n} –")), "Таблица {n}");
    }
    assert!(text.contains("Рисунок 1 –") && text.contains("Рисунок 2 –"));
    assert!(pdf_words(&pdf).contains("(таблица Б.8 методических рекомендаций)"));
    assert!(
        text.contains("Продолжение таблицы"),
        "a long table says it continues"
    );
}

#[test]
fn the_pdf_has_an_outline_a_language_and_honest_metadata() {
    let dir = TempDir::new("typeset-meta");
    let pdf = report(&dir, "профессионализм");
    let doc = lopdf::Document::load(&pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"ru-RU");
    // The outline: one entry per section, in order.
    let outlines = doc
        .get_dictionary(catalog.get(b"Outlines").unwrap().as_reference().unwrap())
        .unwrap();
    let mut next = outlines
        .get(b"First")
        .ok()
        .and_then(|o| o.as_reference().ok());
    let mut titles = Vec::new();
    while let Some(id) = next {
        let item = doc.get_dictionary(id).unwrap();
        let title = item.get(b"Title").unwrap().as_str().unwrap();
        titles.push(lopdf::decode_text_string(&lopdf::Object::string_literal(title)).unwrap());
        next = item.get(b"Next").ok().and_then(|o| o.as_reference().ok());
    }
    assert!(
        titles.iter().any(|t| t == "Основные результаты"),
        "{titles:?}"
    );
    assert!(
        titles
            .iter()
            .any(|t| t.ends_with("Организационная приверженность")),
        "{titles:?}"
    );
    assert!(
        titles.iter().any(|t| t.ends_with("Корпоративная культура")),
        "{titles:?}"
    );
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("Author:          Райисполком"), "{info}");
    assert!(info.contains("Диагностика 2026"), "{info}");
    let year = chrono::Local::now().format("%Y").to_string();
    assert!(
        info.lines()
            .any(|l| l.starts_with("CreationDate:") && l.contains(&year)),
        "the real creation date, not 1970: {info}"
    );
    let raw = std::fs::read(&pdf).unwrap();
    assert!(
        !raw.windows(15).any(|w| w == b"GTS_PDFXVersion"),
        "no PDF/X claim"
    );
}

#[test]
fn a_700_word_open_answer_is_printed_whole_across_pages() {
    let dir = TempDir::new("typeset-long");
    let answer: Vec<String> = (1..=700).map(|i| format!("слово{i:03}")).collect();
    let pdf = report(&dir, &answer.join(" "));
    let text = pdf_words(&pdf);
    let printed: Vec<&str> = text.split(' ').filter(|w| w.starts_with("слово")).collect();
    // In the printed answers (table of question 1) and nowhere else.
    let missing: Vec<&String> = answer
        .iter()
        .filter(|w| !printed.contains(&w.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "every word of the answer is printed: {missing:?} missing"
    );
    assert_eq!(
        printed.len(),
        700,
        "every word of the answer is printed once"
    );
    assert_eq!(printed.first(), Some(&"слово001"));
    assert_eq!(printed.last(), Some(&"слово700"));
}

#[test]
fn every_workbook_sheet_prints_on_a4_with_the_office_margins_headers_and_footers() {
    use std::io::Read;
    let dir = TempDir::new("typeset-xlsx");
    let (db, id) = survey_with(&dir, "профессионализм");
    let xlsx = dir.join("r.xlsx");
    ok(&[
        "--db",
        &db,
        "report",
        "--survey",
        &id,
        "--xlsx",
        xlsx.to_str().unwrap(),
    ]);
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
    let names: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| n.starts_with("xl/worksheets/sheet"))
        .map(|n| n.into_owned())
        .collect();
    assert!(names.len() > 10, "{names:?}");
    let mut workbook = String::new();
    zip.by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut workbook)
        .unwrap();
    for name in &names {
        let mut xml = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
        assert!(xml.contains(r#"paperSize="9""#), "{name}: A4");
        // Left 30 mm = 1,18 inch, right 10 mm = 0,39 inch.
        assert!(
            xml.contains(r#"<pageMargins left="1.1811"#),
            "{name}: the left margin"
        );
        assert!(xml.contains(r#"right="0.3937"#), "{name}: the right margin");
        assert!(
            xml.contains("<oddHeader>") && xml.contains("Диагностика 2026"),
            "{name}: a header with the survey"
        );
        assert!(
            xml.contains("<oddFooter>&amp;C&amp;9Страница &amp;P из &amp;N</oddFooter>"),
            "{name}: page numbers"
        );
    }
    // Table sheets repeat their header row on every printed page.
    assert!(
        workbook.contains("_xlnm.Print_Titles"),
        "repeated header rows"
    );
    // Percents are fractions under a % format.
    let mut styles = String::new();
    zip.by_name("xl/styles.xml")
        .unwrap()
        .read_to_string(&mut styles)
        .unwrap();
    assert!(
        styles.contains(r#"formatCode="0.00&quot; &quot;%""#),
        "a % number format"
    );
    // No per-form sheet (issue 26): the forms one by one are in the
    // operator's export only.
    use calamine::{Reader, Xlsx, open_workbook};
    let book: Xlsx<_> = open_workbook(&xlsx).unwrap();
    assert!(
        !book
            .sheet_names()
            .iter()
            .any(|s| s == "Культура по анкетам"),
        "a per-form sheet in the report workbook"
    );
}

fn pages(pdf: &std::path::Path) -> usize {
    let info = Command::new("pdfinfo").arg(pdf).output().unwrap();
    String::from_utf8_lossy(&info.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

#[test]
fn blank_forms_fit_their_sheets_with_write_in_lines_and_fixed_misprints() {
    let dir = TempDir::new("typeset-forms");
    let (db, id) = survey_with(&dir, "");
    for (instrument, most) in [("commitment", 1), ("satisfaction", 1), ("culture", 3)] {
        // With the survey's four subdivisions and with none.
        for survey in [Some(id.as_str()), None] {
            let pdf = dir.join(&format!("{instrument}-{}.pdf", survey.is_some()));
            let mut args = vec!["--db", &db, "forms", "--instrument", instrument, "--pdf"];
            args.push(pdf.to_str().unwrap());
            if let Some(s) = survey {
                args.extend(["--survey", s]);
            }
            ok(&args);
            let n = pages(&pdf);
            assert!(
                n <= most,
                "{instrument} ({survey:?}): {n} pages, at most {most}"
            );
            let text = pdf_words(&pdf);
            assert!(
                !text.contains("Ваши Искренние"),
                "{instrument}: the misprint is fixed"
            );
            if instrument == "culture" {
                // «другое (укажите …)» and «Иное (укажите)» have a line to write on.
                let lines = text.split(|c| c != '_').filter(|s| s.len() >= 20).count();
                assert_eq!(lines, 2, "{instrument}: write-in lines");
            }
            if instrument == "commitment" {
                assert!(
                    text.contains("Сведения о себе"),
                    "the demographics are on the sheet"
                );
                assert!(text.contains("Благодарим за участие!"));
            }
        }
    }
}

#[test]
fn blank_forms_keep_their_sheets_with_many_subdivisions() {
    let dir = TempDir::new("typeset-forms-many");
    let db = dir.join("k.db").to_str().unwrap().to_owned();
    // A district committee's real-length names: 8 and 20 still ticked (the
    // form a size smaller where needed), 40 written on a line.
    for n in [8, 20, 40] {
        let names: Vec<String> = (1..=n)
            .map(|i| format!("Отдел организационно-кадровой и идеологической работы № {i}"))
            .collect();
        let id = ok(&[
            "--db",
            &db,
            "survey",
            "create",
            "--name",
            &format!("Диагностика {n}"),
            "--instruments",
            "commitment,satisfaction,culture",
            "--date",
            "2026-11-23",
            "--subdivisions",
            &names.join(";"),
        ])
        .trim()
        .to_owned();
        for (instrument, most) in [("commitment", 1), ("satisfaction", 1), ("culture", 3)] {
            let pdf = dir.join(&format!("{instrument}-{n}.pdf"));
            ok(&[
                "--db",
                &db,
                "forms",
                "--instrument",
                instrument,
                "--survey",
                &id,
                "--pdf",
                pdf.to_str().unwrap(),
            ]);
            let n_pages = pages(&pdf);
            assert!(n_pages <= most, "{instrument}, {n}: {n_pages} pages");
            let text = pdf_words(&pdf);
            assert!(
                text.contains("Структурное подразделение:"),
                "{instrument}, {n}"
            );
            assert!(text.contains("Благодарим за участие!"), "{instrument}, {n}");
            let listed = (1..=n)
                .filter(|i| {
                    text.contains(&format!("работы № {i} ")) || text.ends_with(&format!("№ {i}"))
                })
                .count();
            if n <= 20 && instrument != "culture" || n <= 8 {
                assert_eq!(listed, n, "{instrument}, {n}: every subdivision ticked");
            }
            if n == 40 && instrument != "culture" {
                assert_eq!(listed, 0, "{instrument}, {n}: a line to write on");
            }
        }
    }
}

#[test]
fn the_docx_is_the_same_report_with_heading_styles_tables_and_pictures() {
    use std::io::Read;
    let dir = TempDir::new("typeset-docx");
    let (db, id) = survey_with(&dir, "профессионализм");
    let docx = dir.join("r.docx");
    let pdf = dir.join("r.pdf");
    ok(&[
        "--db",
        &db,
        "report",
        "--survey",
        &id,
        "--docx",
        docx.to_str().unwrap(),
        "--pdf",
        pdf.to_str().unwrap(),
    ]);
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    // The words as a reader sees them: soft hyphens and no-break spaces
    // are typography, not text.
    let text: String = xml
        .split("<w:t")
        .skip(1)
        .filter_map(|s| s.split_once('>').and_then(|(_, r)| r.split_once("</w:t>")))
        .map(|(t, _)| t.replace(['\u{ad}'], "").replace('\u{a0}', " "))
        .collect::<Vec<_>>()
        .join("");
    assert!(text.contains("45,68 %"), "P of the worked example");
    assert!(text.contains("Таблица 4 – Показатели уровня организационной приверженности"));
    assert!(
        xml.contains(r#"<w:pStyle w:val="Heading1" />"#)
            || xml.contains(r#"<w:pStyle w:val="Heading1"/>"#),
        "Word heading styles"
    );
    let headings = xml.matches(r#"w:val="Heading1""#).count();
    assert!(headings >= 4, "a heading per section: {headings}");
    assert!(xml.matches("<w:tbl>").count() >= 10, "real tables");
    assert!(xml.contains("<w:drawing>"), "charts as pictures");
    assert!(
        zip.file_names()
            .filter_map(Result::ok)
            .any(|n| n.starts_with("word/media/") && n.ends_with(".png")),
        "the charts' PNGs"
    );
    // The same page setup as the PDF: A4, margins 30/10/20/20 mm.
    assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838""#), "A4");
    assert!(
        xml.contains(r#"w:left="1701""#) && xml.contains(r#"w:right="567""#),
        "margins"
    );
    assert!(xml.contains("<w:titlePg"), "no number on the first page");
    // Header rows repeat on every page a table spans: one per table with
    // a header (Table А.1-like tables without column titles have none).
    let tables = xml.matches("<w:tbl>").count();
    let repeated = xml.matches("<w:tblHeader />").count();
    assert!(
        repeated >= tables - 2 && repeated <= tables,
        "{repeated} header rows for {tables} tables"
    );
    // Short rows are kept on one page; no row is left without a rule.
    assert!(
        xml.contains("<w:trPr><w:cantSplit /></w:trPr>"),
        "rows kept whole"
    );
    assert!(!xml.contains("<w:trPr />"), "every row has its rule");
    // Russian as the language of the text, and the document's properties.
    let read = |zip: &mut zip::ZipArchive<std::fs::File>, name: &str| {
        let mut s = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    };
    let styles = read(&mut zip, "word/styles.xml");
    let defaults = &styles[styles.find("<w:rPrDefault>").unwrap()..];
    let defaults = &defaults[..defaults.find("</w:rPrDefault>").unwrap()];
    assert!(defaults.contains(r#"<w:lang w:val="ru-RU""#), "{defaults}");
    let core = read(&mut zip, "docProps/core.xml");
    assert!(core.contains("<dc:title>Отчет «"), "{core}");
    assert!(core.contains("<dc:language>ru-RU</dc:language>"), "{core}");
    let year = chrono::Local::now().format("%Y").to_string();
    assert!(
        core.contains(&format!(r#"W3CDTF">{year}-"#)),
        "the real creation date: {core}"
    );
    // Every table caption of the PDF is in the DOCX.
    let pdf_text = pdf_words(&pdf);
    for n in 1..=20 {
        let caption = format!("Таблица {n} –");
        assert_eq!(
            pdf_text.contains(&caption),
            text.contains(&caption),
            "{caption}"
        );
    }
}
