// RFC 4180 CSV, safe to open in a spreadsheet. Pure.

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab / carriage return)
 * gets a leading apostrophe, so a note like `=HYPERLINK(...)` shows as text (OWASP "CSV
 * injection").
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = neutralizeFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows joined with CRLF, as RFC 4180 asks; ends with a line break. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
