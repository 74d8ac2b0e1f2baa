//! Bar charts as SVG, from the same [`BarChart`] model the PDF draws, so the
//! screen and the paper agree.

use klimat_core::numfmt::decimal;

use crate::model::BarChart;

const COLORS: [&str; 4] = ["#3366a6", "#d97333", "#599959", "#8c5999"];

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The chart as a standalone SVG element (width 640, scalable).
pub fn render(chart: &BarChart) -> String {
    let (w, right, top) = (640.0_f64, 10.0, 12.0);
    let n = chart.categories.len().max(1) as f64;
    // Labels wrap by words under their bars; when a single word is wider
    // than a bar's slot (the fifteen values of Table А.2), they are drawn
    // slanted instead, whole, so that none overlaps its neighbour; the
    // first ones then need room on the left.
    let chars_in = |left: f64| (((w - left - right) / n / 5.5) as usize).max(4);
    let slanted = chart.categories.iter().any(|c| {
        c.split_whitespace()
            .any(|word| word.chars().count() > chars_in(44.0))
    });
    let left = if slanted { 130.0 } else { 44.0 };
    let max_chars = chars_in(left);
    let plot_w = w - left - right;
    let slot = plot_w / n;
    let bottom = if slanted { 150.0 } else { 70.0 };
    let h = 230.0 + bottom;
    let plot_h = h - top - bottom;
    let top_value = chart.axis_top();
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" role="img" aria-label="{}" class="chart">"#,
        escape(&chart.title())
    );
    for (v, label) in chart.ticks() {
        let y = top + plot_h - plot_h * v / top_value;
        out += &format!(
            r##"<line x1="{left}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="{}" stroke-width="{}"/><text x="{:.1}" y="{:.1}" font-size="10" text-anchor="end" fill="#333">{}</text>"##,
            left + plot_w,
            if v == 0.0 { "#000" } else { "#ccc" },
            if v == 0.0 { 1.2 } else { 0.6 },
            left - 4.0,
            y + 3.5,
            label
        );
    }
    let series_n = chart.series.len().max(1) as f64;
    let bar_w = slot * 0.75 / series_n;
    for (ci, category) in chart.categories.iter().enumerate() {
        let sx = left + slot * ci as f64;
        for (si, s) in chart.series.iter().enumerate() {
            let Some(v) = s.values.get(ci).copied().flatten() else {
                continue;
            };
            let bh = v / top_value * plot_h;
            let bx = sx + slot * 0.125 + bar_w * si as f64;
            let label = if chart.percent {
                decimal(v, 1)
            } else {
                decimal(v, 2)
            };
            out += &format!(
                r##"<rect x="{bx:.1}" y="{:.1}" width="{bar_w:.1}" height="{:.1}" fill="{}"><title>{}: {label}</title></rect><text x="{:.1}" y="{:.1}" font-size="9" text-anchor="middle" fill="#333">{label}</text>"##,
                top + plot_h - bh,
                bh.max(0.0),
                COLORS[si % COLORS.len()],
                escape(&s.name),
                bx + bar_w / 2.0,
                top + plot_h - bh - 3.0
            );
        }
        if slanted {
            let x = sx + slot / 2.0;
            let y = top + plot_h + 10.0;
            let mut label: String = category.chars().take(30).collect();
            if category.chars().count() > 30 {
                label.push('…');
            }
            out += &format!(
                r##"<text x="{x:.1}" y="{y:.1}" font-size="9" text-anchor="end" fill="#222" transform="rotate(-40 {x:.1} {y:.1})"><title>{}</title>{}</text>"##,
                escape(category),
                escape(&label)
            );
            continue;
        }
        // Category labels, wrapped by words onto up to three lines.
        let mut lines: Vec<String> = Vec::new();
        for word in category.split_whitespace() {
            match lines.last_mut() {
                Some(l) if l.chars().count() + 1 + word.chars().count() <= max_chars => {
                    l.push(' ');
                    l.push_str(word);
                }
                _ => lines.push(word.to_owned()),
            }
        }
        for (k, line) in lines.iter().take(4).enumerate() {
            out += &format!(
                r##"<text x="{:.1}" y="{:.1}" font-size="9" text-anchor="middle" fill="#222">{}</text>"##,
                sx + slot / 2.0,
                top + plot_h + 12.0 + 10.0 * k as f64,
                escape(line)
            );
        }
    }
    if chart.series.len() > 1 {
        let mut x = left;
        for (si, s) in chart.series.iter().enumerate() {
            out += &format!(
                r##"<rect x="{x:.1}" y="{:.1}" width="9" height="9" fill="{}"/><text x="{:.1}" y="{:.1}" font-size="10" fill="#222">{}</text>"##,
                h - 14.0,
                COLORS[si % COLORS.len()],
                x + 12.0,
                h - 6.0,
                escape(&s.name)
            );
            x += 24.0 + 6.0 * s.name.chars().count() as f64;
        }
    }
    out += "</svg>";
    out
}
