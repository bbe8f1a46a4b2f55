// Made once: constructing an Intl.NumberFormat costs far more than formatting with it, and the
// dashboard's ladder card formats salary bands on every render.
const DOLLARS = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/**
 * Money as the article writes it: a dollar sign and thousands separators, no cents
 * ("$84,563"). The article names no currency code, so none is added.
 */
export function formatDollars(amount: number): string {
  return `$${DOLLARS.format(amount)}`;
}

/** A salary band, "$84,563 – $109,500" (the article's "-" set as an en dash). */
export function formatSalaryBand(min: number, max: number): string {
  return `${formatDollars(min)} \u2013 ${formatDollars(max)}`;
}
