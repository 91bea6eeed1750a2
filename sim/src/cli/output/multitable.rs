//! A port of `awscli/table.py`: the `MultiTable` of titled, indented
//! `Section`s that `--output table` renders, with its column-width scaling,
//! centred titles and headers, left-aligned cells, and the conversion to
//! two-column "vertical" sections when the table is wider than the terminal.
//! There is no wrapping: a table that is still too wide prints as it is.

use super::unicode::text_length;

/// ANSI sequences of colorama's `Style.BRIGHT`, `Style.DIM`,
/// `Style.RESET_ALL`, `Fore.BLUE` and `Fore.YELLOW`.
const BRIGHT: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const RESET_ALL: &str = "\x1b[0m";
const BLUE: &str = "\x1b[34m";
const YELLOW: &str = "\x1b[33m";

/// `Styler` (plain) or `ColorizedStyler` (`--color on`, or `auto` on a tty).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Styler {
    Plain,
    Colorized,
}

impl Styler {
    fn row_element(self, text: &str) -> String {
        match self {
            Styler::Plain => text.to_owned(),
            Styler::Colorized => format!("{BRIGHT}{BLUE}{text}{RESET_ALL}"),
        }
    }

    fn indentation_char(self, text: &str) -> String {
        match self {
            Styler::Plain => text.to_owned(),
            Styler::Colorized => format!("{DIM}{YELLOW}{text}{RESET_ALL}"),
        }
    }
}

fn as_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Python's `' ' * n` (and `'-' * n`): nothing when `n` is not positive.
fn repeat(c: char, n: i64) -> String {
    std::iter::repeat_n(c, usize::try_from(n).unwrap_or(0)).collect()
}

/// `center_text(text, length, left_edge, right_edge, text_length)`.
pub fn center_text(
    text: &str,
    length: i64,
    left_edge: &str,
    right_edge: &str,
    text_len: i64,
) -> String {
    let char_start = length.div_euclid(2) - text_len.div_euclid(2) - 1;
    let mut out = String::new();
    out.push_str(left_edge);
    out.push_str(&repeat(' ', char_start));
    out.push_str(text);
    let length_so_far = as_i64(text_length(left_edge)) + char_start + text_len;
    let right_side_spaces = length - as_i64(text_length(right_edge)) - length_so_far;
    out.push_str(&repeat(' ', right_side_spaces));
    out.push_str(right_edge);
    out
}

/// `align_left(text, length, left_edge, right_edge, text_length)` with the
/// default `left_padding=2`.
pub fn align_left(
    text: &str,
    length: i64,
    left_edge: &str,
    right_edge: &str,
    text_len: i64,
) -> String {
    let left_padding = 2;
    let (le, re) = (
        as_i64(left_edge.chars().count()),
        as_i64(right_edge.chars().count()),
    );
    let computed_length = text_len + left_padding + le + re;
    let padding = if length - computed_length >= 0 {
        left_padding
    } else {
        0
    };
    let mut out = String::new();
    out.push_str(left_edge);
    out.push_str(&repeat(' ', padding));
    out.push_str(text);
    out.push_str(&repeat(' ', length - (le + padding + text_len) - re));
    out.push_str(right_edge);
    out
}

/// Python 3's `int(round(x))`: halves go to the even neighbour.
fn round_half_even(x: f64) -> i64 {
    let r = x.round_ties_even();
    if r.is_finite() { r as i64 } else { 0 }
}

/// One `Section` of a `MultiTable`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Section {
    /// `None` where the CLI's title is Python's `None` (a nested list's
    /// section), which renders no title but still counts 4 (`"None"`)
    /// towards the table width.
    pub title: Option<String>,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub indent_level: usize,
    num_cols: Option<usize>,
    max_widths: Vec<usize>,
}

impl Section {
    fn title_length(&self) -> usize {
        self.title.as_deref().map_or(4, text_length)
    }

    fn title_is_set(&self) -> bool {
        self.title.as_deref().is_some_and(|t| !t.is_empty())
    }

    /// `calculate_column_widths(padding, max_width)`: the widest cell of each
    /// column plus `padding`, scaled so they sum to `max_width` when given.
    pub fn calculate_column_widths(&self, padding: usize, max_width: Option<i64>) -> Vec<i64> {
        let unscaled: Vec<i64> = self
            .max_widths
            .iter()
            .map(|w| as_i64(w + padding))
            .collect();
        let Some(max_width) = max_width else {
            return unscaled;
        };
        let total: i64 = unscaled.iter().sum();
        if unscaled.is_empty() || total == 0 {
            return unscaled;
        }
        let scale_factor = max_width as f64 / total as f64;
        let mut scaled: Vec<i64> = unscaled
            .iter()
            .map(|&w| round_half_even(scale_factor * w as f64))
            .collect();
        let mut off_by: i64 = scaled.iter().sum::<i64>() - max_width;
        while off_by != 0 {
            let order: Vec<usize> = if off_by < 0 {
                (0..scaled.len()).rev().collect()
            } else {
                (0..scaled.len()).collect()
            };
            for i in order {
                if let Some(w) = scaled.get_mut(i) {
                    if off_by > 0 {
                        *w -= 1;
                        off_by -= 1;
                    } else {
                        *w += 1;
                        off_by += 1;
                    }
                }
                if off_by == 0 {
                    break;
                }
            }
        }
        scaled
    }

    /// `total_width(padding, with_border, outer_padding)`.
    pub fn total_width(&self, padding: usize, with_border: bool, outer_padding: usize) -> i64 {
        let border_padding = 2;
        let mut total: i64 = self
            .calculate_column_widths(0, None)
            .iter()
            .map(|w| w + as_i64(padding))
            .sum();
        if with_border {
            total += border_padding;
        }
        total += 2 * as_i64(outer_padding);
        let title = as_i64(self.title_length()) + border_padding + 2 * as_i64(outer_padding);
        title.max(total)
    }

    /// `add_header`: sets the headers and widens the columns to fit them.
    pub fn add_header(&mut self, headers: Vec<String>) -> Result<(), String> {
        self.update_max_widths(&headers)?;
        if self.num_cols.is_none() {
            self.num_cols = Some(headers.len());
        }
        self.headers = headers;
        Ok(())
    }

    /// `add_row`: every row of a section must have as many cells as the
    /// first row or header set.
    pub fn add_row(&mut self, row: Vec<String>) -> Result<(), String> {
        let num_cols = *self.num_cols.get_or_insert(row.len());
        if row.len() != num_cols {
            return Err(format!(
                "Row should have {num_cols} elements, instead it has {}",
                row.len()
            ));
        }
        self.update_max_widths(&row)?;
        self.rows.push(row);
        Ok(())
    }

    fn update_max_widths(&mut self, row: &[String]) -> Result<(), String> {
        if self.max_widths.is_empty() {
            self.max_widths = row.iter().map(|el| text_length(el)).collect();
            return Ok(());
        }
        for (i, el) in row.iter().enumerate() {
            let Some(w) = self.max_widths.get_mut(i) else {
                return Err("list index out of range".to_owned());
            };
            *w = (*w).max(text_length(el));
        }
        Ok(())
    }
}

/// `convert_to_vertical_table`: every section with headers and exactly one
/// row becomes a headerless section of `[header, value]` rows.
fn convert_to_vertical_table(sections: &mut [Section]) {
    for section in sections.iter_mut() {
        if section.rows.len() == 1 && !section.headers.is_empty() {
            let mut new_section = Section {
                title: section.title.clone(),
                indent_level: section.indent_level,
                ..Section::default()
            };
            let first = section.rows.first().cloned().unwrap_or_default();
            for (header, element) in section.headers.iter().zip(first) {
                // Two cells every time, so this cannot fail.
                let _ = new_section.add_row(vec![header.clone(), element]);
            }
            *section = new_section;
        }
    }
}

/// A `MultiTable` as the table formatter builds it: no initial section,
/// `|` as the column separator.
#[derive(Debug, Clone, PartialEq)]
pub struct MultiTable {
    pub sections: Vec<Section>,
}

impl MultiTable {
    pub fn new() -> Self {
        MultiTable {
            sections: Vec::new(),
        }
    }

    /// `new_section(title, indent_level)`.
    pub fn new_section(&mut self, title: Option<&str>, indent_level: usize) {
        self.sections.push(Section {
            title: title.map(str::to_owned),
            indent_level,
            ..Section::default()
        });
    }

    fn current(&mut self) -> Result<&mut Section, String> {
        self.sections
            .last_mut()
            .ok_or_else(|| "'NoneType' object has no attribute 'add_row'".to_owned())
    }

    pub fn add_row_header(&mut self, headers: Vec<String>) -> Result<(), String> {
        self.current()?.add_header(headers)
    }

    pub fn add_row(&mut self, row: Vec<String>) -> Result<(), String> {
        self.current()?.add_row(row)
    }

    fn calculate_max_width(&self) -> i64 {
        self.sections
            .iter()
            .map(|s| s.total_width(4, true, s.indent_level))
            .max()
            .unwrap_or(0)
    }

    /// `render`: the table as the CLI writes it for a terminal
    /// `terminal_width` columns wide.
    pub fn render(mut self, terminal_width: usize, styler: Styler) -> String {
        let mut max_width = self.calculate_max_width();
        if max_width > as_i64(terminal_width) {
            convert_to_vertical_table(&mut self.sections);
            max_width = self.calculate_max_width();
        }
        let mut out = repeat('-', max_width);
        out.push('\n');
        for section in &self.sections {
            render_section(section, max_width, styler, &mut out);
        }
        out
    }
}

impl Default for MultiTable {
    fn default() -> Self {
        Self::new()
    }
}

/// `IndentedStream.write`: indentation characters on both sides of a line.
fn write_indented(out: &mut String, indent: &str, text: &str) {
    out.push_str(indent);
    match text.strip_suffix('\n') {
        Some(line) => {
            out.push_str(line);
            out.push_str(indent);
            out.push('\n');
        }
        None => out.push_str(text),
    }
}

fn render_section(section: &Section, max_width: i64, styler: Styler, out: &mut String) {
    let indent = styler.indentation_char("|").repeat(section.indent_level);
    let max_width = max_width - 2 * as_i64(section.indent_level);
    // _render_title
    if section.title_is_set() {
        let title = section.title.as_deref().unwrap_or_default();
        let line = center_text(title, max_width, "|", "|", as_i64(text_length(title)));
        write_indented(out, &indent, &format!("{line}\n"));
        if section.headers.is_empty() && section.rows.is_empty() {
            write_indented(out, &indent, &format!("+{}+\n", repeat('-', max_width - 2)));
        }
    }
    // _render_column_titles
    if !section.headers.is_empty() {
        let widths = section.calculate_column_widths(4, Some(max_width));
        let mut current = String::new();
        for (i, (width, header)) in widths.iter().zip(&section.headers).enumerate() {
            let left_edge = if i == 0 { "|" } else { "" };
            current.push_str(&center_text(
                header,
                *width,
                left_edge,
                "|",
                as_i64(text_length(header)),
            ));
        }
        write_line_break(out, &indent, &widths);
        write_indented(out, &indent, &format!("{current}\n"));
    }
    // _render_rows
    if section.rows.is_empty() {
        return;
    }
    let widths = section.calculate_column_widths(4, Some(max_width));
    if widths.is_empty() {
        return;
    }
    write_line_break(out, &indent, &widths);
    for row in &section.rows {
        let mut current = String::new();
        for (i, (width, element)) in widths.iter().zip(row).enumerate() {
            let left_edge = if i == 0 { "|" } else { "" };
            let styled = styler.row_element(element);
            current.push_str(&align_left(
                &styled,
                *width,
                left_edge,
                "|",
                as_i64(text_length(element)),
            ));
        }
        write_indented(out, &indent, &format!("{current}\n"));
    }
    write_line_break(out, &indent, &widths);
}

/// `_write_line_break`: `+-----+------+` for the given column widths.
fn write_line_break(out: &mut String, indent: &str, widths: &[i64]) {
    let mut line = String::new();
    for (i, width) in widths.iter().enumerate() {
        if i == 0 {
            line.push_str(&format!("+{}+", repeat('-', width - 2)));
        } else {
            line.push_str(&format!("{}+", repeat('-', width - 1)));
        }
    }
    line.push('\n');
    write_indented(out, indent, &line);
}
