//! Current against target as a bar chart built from table cells.
//!
//! `docx-rs` writes no DrawingML charts or shapes, and a picture of a chart would not be
//! vector nor editable. A table is both: each row is one item, its scale drawn as half-level
//! cells, dark up to the current level and light from there to the target. The figures are
//! written beside every bar, so nothing depends on telling shades apart, and an item never
//! assessed is written "not assessed" across its scale instead of being drawn as a zero bar.

use docx_rs::{Docx, Paragraph, Run, Shading, Table, TableCell, TableRow, WidthType};

use super::{clean, header_cell, header_row, package, small_centred, TEXT_WIDTH};
use crate::reports::document::Chart;

const CURRENT_FILL: &str = "2F5B8A";
const TARGET_FILL: &str = "B9CEE6";
/// Cells per level of the scale: half levels are the finest step the dashboard shows.
const STEPS_PER_LEVEL: f64 = 2.0;
/// Beyond this many cells a bar is too fine to read; a wider scale is drawn coarser.
const MAX_STEPS: usize = 20;

pub(super) fn into(out: Docx, chart: &Chart) -> Docx {
    let span = (chart.max - chart.min).max(0.0);
    let steps = ((span * STEPS_PER_LEVEL).round() as usize).clamp(1, MAX_STEPS);
    let step = if span > 0.0 { span / steps as f64 } else { 1.0 };
    let label_width = TEXT_WIDTH * 30 / 100;
    let figures_width = TEXT_WIDTH * 24 / 100;
    let cell_width = (TEXT_WIDTH - label_width - figures_width) / steps;

    let title = Paragraph::new()
        .style(package::CAPTION)
        .keep_next(true)
        .add_run(Run::new().add_text(clean(&chart.title)));
    let scale = scale_row(chart, steps, step, label_width, figures_width, cell_width);
    let rows = chart.bars.iter().map(|bar| {
        let mut cells = vec![
            text_cell(&bar.label, label_width),
            text_cell(&figures(bar.current, bar.target), figures_width),
        ];
        match bar.current {
            None => cells.push(
                TableCell::new()
                    .grid_span(steps)
                    .width(cell_width * steps, WidthType::Dxa)
                    .add_paragraph(small_centred("not assessed")),
            ),
            Some(current) => cells.extend((0..steps).map(|i| {
                // A cell is filled when the value reaches at least half of it, so a bar
                // ends where the value lies to the nearest half step.
                let middle = chart.min + (i as f64 + 0.5) * step;
                let fill = if current >= middle {
                    Some(CURRENT_FILL)
                } else if bar.target.is_some_and(|t| t >= middle) {
                    Some(TARGET_FILL)
                } else {
                    None
                };
                let cell = TableCell::new()
                    .width(cell_width, WidthType::Dxa)
                    .add_paragraph(Paragraph::new().style(package::CELL));
                match fill {
                    Some(fill) => cell.shading(Shading::new().fill(fill)),
                    None => cell,
                }
            })),
        }
        TableRow::new(cells)
    });
    let mut grid = vec![label_width, figures_width];
    grid.extend(std::iter::repeat_n(cell_width, steps));
    let legend = Paragraph::new()
        .style(package::NOTE)
        .add_run(Run::new().add_text(format!(
            "Dark: the current level; light: the way still to go to the target. The scale runs \
         from {} at the left edge to {} at the right.",
            number(chart.min),
            number(chart.max)
        )));
    out.add_paragraph(title)
        .add_table(
            Table::new(std::iter::once(scale).chain(rows).collect())
                .set_grid(grid)
                .width(TEXT_WIDTH, WidthType::Dxa),
        )
        .add_paragraph(legend)
}

/// The header: the scale's levels over the cells that reach them, repeated on each page.
fn scale_row(
    chart: &Chart,
    steps: usize,
    step: f64,
    label_width: usize,
    figures_width: usize,
    cell_width: usize,
) -> TableRow {
    let mut cells = vec![
        header_cell("Item", label_width),
        header_cell("Current · target", figures_width),
    ];
    // A level's number sits over the cell that ends on it; cells ending between levels stay
    // blank so the numbers read as a ruler.
    cells.extend((0..steps).map(|i| {
        let end = chart.min + (i as f64 + 1.0) * step;
        let text = if (end - end.round()).abs() < 1e-9 {
            number(end)
        } else {
            String::new()
        };
        TableCell::new()
            .width(cell_width, WidthType::Dxa)
            .shading(Shading::new().fill(package::HEADER_FILL))
            .add_paragraph(
                Paragraph::new()
                    .style(package::CELL)
                    .align(docx_rs::AlignmentType::Right)
                    .add_run(Run::new().add_text(text).bold()),
            )
    }));
    header_row(cells)
}

fn text_cell(text: &str, width: usize) -> TableCell {
    TableCell::new().width(width, WidthType::Dxa).add_paragraph(
        Paragraph::new()
            .style(package::CELL)
            .add_run(Run::new().add_text(clean(text))),
    )
}

/// The figures beside a bar, written out so the chart reads without its colours.
fn figures(current: Option<f64>, target: Option<f64>) -> String {
    let current = current.map_or_else(|| "not assessed".to_owned(), number);
    let target = target.map_or_else(
        || "no target".to_owned(),
        |t| format!("target {}", number(t)),
    );
    format!("{current} · {target}")
}

/// One decimal at most, and none for whole levels: "3", "2.5".
pub(super) fn number(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}
