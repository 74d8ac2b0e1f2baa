//! Slips with one-time access codes for the network form: twelve to an A4
//! sheet (two columns of six), cut along the dashed lines, each with the
//! address to open and the code. Slips are handed out at random, like blank
//! forms, so that a code says nothing about its holder.

use crate::pdf::{Align, Layout, Meta, Weight};
use crate::text as t;

const COLUMNS: usize = 2;
const ROWS: usize = 6;
const SLIP_W: f32 = 95.0;
const SLIP_H: f32 = 42.0;
const X0: f32 = 10.0;
const TOP: f32 = 277.0;

/// A dashed line from (x1, y1) to (x2, y2), horizontal or vertical.
fn dashed(l: &mut Layout, x1: f32, y1: f32, x2: f32, y2: f32) {
    let (len, dx, dy) = if (y1 - y2).abs() < 0.01 {
        ((x2 - x1).abs(), 1.0, 0.0)
    } else {
        ((y2 - y1).abs(), 0.0, -1.0)
    };
    let mut s = 0.0;
    while s < len {
        let e = (s + 2.0).min(len);
        l.line(x1 + dx * s, y1 + dy * s, x1 + dx * e, y1 + dy * e, 0.4);
        s += 4.0;
    }
}

/// The slips of `codes` as a PDF: the survey's name, the address to open
/// and the code on each.
pub fn render(
    survey: &str,
    organization: Option<&str>,
    address: &str,
    codes: &[String],
) -> Vec<u8> {
    let mut l = Layout::new(t::SLIPS_TITLE);
    let per_page = COLUMNS * ROWS;
    for (page, chunk) in codes.chunks(per_page).enumerate() {
        if page > 0 {
            l.new_page();
        }
        for (k, code) in chunk.iter().enumerate() {
            let (col, row) = (k % COLUMNS, k / COLUMNS);
            let x = X0 + col as f32 * SLIP_W;
            let top = TOP - row as f32 * SLIP_H;
            let inner = SLIP_W - 10.0;
            let mut y = top - 7.0;
            let heading = match organization {
                Some(org) => format!("{org}: {survey}"),
                None => survey.to_owned(),
            };
            for line in l
                .wrap_words(&heading, 10.0, Weight::Bold, inner)
                .into_iter()
                .take(2)
            {
                l.aligned(&line, x + 5.0, inner, y, 10.0, Weight::Bold, Align::Left);
                y -= 4.5;
            }
            l.aligned(
                t::SLIPS_OPEN,
                x + 5.0,
                inner,
                y,
                9.5,
                Weight::Regular,
                Align::Left,
            );
            y -= 5.5;
            l.aligned(address, x + 5.0, inner, y, 12.0, Weight::Bold, Align::Left);
            y -= 6.0;
            l.aligned(
                t::SLIPS_CODE,
                x + 5.0,
                inner,
                y,
                9.5,
                Weight::Regular,
                Align::Left,
            );
            y -= 7.5;
            l.aligned(code, x + 5.0, inner, y, 18.0, Weight::Bold, Align::Left);
            y -= 5.0;
            for line in l
                .wrap_words(t::SLIPS_NOTE, 8.0, Weight::Regular, inner)
                .into_iter()
                .take(2)
            {
                l.aligned(&line, x + 5.0, inner, y, 8.0, Weight::Regular, Align::Left);
                y -= 3.4;
            }
        }
        // The cut lines: around every slip of the page.
        let rows = chunk.len().div_ceil(COLUMNS);
        let bottom = TOP - rows as f32 * SLIP_H;
        for r in 0..=rows {
            let y = TOP - r as f32 * SLIP_H;
            dashed(&mut l, X0, y, X0 + COLUMNS as f32 * SLIP_W, y);
        }
        for c in 0..=COLUMNS {
            let x = X0 + c as f32 * SLIP_W;
            dashed(&mut l, x, TOP, x, bottom);
        }
    }
    // Slips carry no page numbers.
    l.unnumbered_so_far();
    l.finish_with(&Meta {
        title: t::SLIPS_TITLE.to_owned(),
        author: organization.unwrap_or_default().to_owned(),
        subject: survey.to_owned(),
        created: None,
    })
}
