import ExcelJS from 'exceljs';

/** A workbook read back from its bytes, as a spreadsheet program would open it. */
export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

/** The sheet of that name; fails the test when it is missing. */
export function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) {
    throw new Error(`no sheet named ${name}: ${workbook.worksheets.map((s) => s.name).join(', ')}`);
  }
  return sheet;
}

/** The header texts of a row, in order. */
export function headersOf(sheet: ExcelJS.Worksheet, row: number): string[] {
  const values = sheet.getRow(row).values as unknown[];
  return values.slice(1).map(String);
}

/** The table under the header at `row` (default: the sheet's first): each row's cells by header text. */
export function tableOf(sheet: ExcelJS.Worksheet, headerRow = 1): Array<Map<string, ExcelJS.Cell>> {
  const headers = headersOf(sheet, headerRow);
  const rows: Array<Map<string, ExcelJS.Cell>> = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    rows.push(new Map(headers.map((h, i) => [h, row.getCell(i + 1)])));
  }
  return rows;
}

/** The row of a table whose `column` reads `value`; fails the test when there is none. */
export function rowWhere(
  table: Array<Map<string, ExcelJS.Cell>>,
  column: string,
  value: unknown,
): Map<string, ExcelJS.Cell> {
  const found = table.find((row) => row.get(column)?.value === value);
  if (!found) {
    throw new Error(`no row with ${column} = ${String(value)}`);
  }
  return found;
}
