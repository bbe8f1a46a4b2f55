// RFC 4180 CSV, safe to open in a spreadsheet. Pure.

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, also after leading spaces or line
 * breaks, or a leading tab / carriage return / line feed) gets a leading apostrophe, so a
 * note like `=HYPERLINK(...)` shows as text (OWASP "CSV injection").
 */
export function neutralizeFormula(value: string): string {
  return /^[\s]*[=+\-@]|^[\t\r\n]/.test(value) ? `'${value}` : value;
}

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = neutralizeFormula(String(value));
  // Quoted when it holds a separator of any locale (comma or semicolon) or a line break.
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows joined with CRLF, as RFC 4180 asks; ends with a line break. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
