import { ratingExportFields, type RatingExportRow } from './rating-schemas';

// Issue 17 part 2: the ratings' export as CSV, one builder for the center's file download
// (`GET /api/ratings/export?format=csv`) and the console's, which receives the rows as JSON.

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  // a leading = + - @ would run as a formula when the file is opened in a spreadsheet
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The national fields' Chinese titles, then one line per rating; with the BOM Excel wants. */
export function ratingExportCsv(rows: readonly RatingExportRow[]): string {
  const header = ratingExportFields.map(([, title]) => title).join(',');
  const lines = rows.map((row) =>
    ratingExportFields
      .map(([key]) => {
        const value = row[key];
        return csvCell(Array.isArray(value) ? value.join('；') : value);
      })
      .join(','),
  );
  // the BOM: Excel opens UTF-8 Chinese as such only with it
  return `\uFEFF${[header, ...lines].join('\r\n')}\r\n`;
}

export function ratingExportFileName(from: string, to: string, ext: 'csv' | 'json'): string {
  return `ratings-${from}-${to}.${ext}`;
}
