import ExcelJS from 'exceljs';

// The daily report's workbook read back the way Excel would, from a file or from the bytes: for
// vitest and Playwright alike, so no test runner here.

/** One sheet per view, in this order. */
export const reportSheetNames = ['汇总', '分窗口', '七件', '好差评', '授权率'];

export async function readWorkbook(source: string | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  if (typeof source === 'string') await book.xlsx.readFile(source);
  else await book.xlsx.load(source);
  return book;
}

/** The 数值 cell of the summary's row whose 指标 is `label`. */
export function summaryCell(book: ExcelJS.Workbook, label: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined;
  book.getWorksheet('汇总')!.eachRow((r) => {
    if (r.getCell(2).value === label) found = r.getCell(3);
  });
  if (!found) throw new Error(`no row ${label} in 汇总`);
  return found;
}
