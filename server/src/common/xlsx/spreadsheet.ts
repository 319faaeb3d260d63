import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface SheetColumn {
  header: string;
  key: string;
  width: number;
}

export interface Spreadsheet {
  /** The sheet's tab name. */
  name: string;
  columns: SheetColumn[];
  /** One object a row, keyed by column key. */
  rows: Array<Record<string, string | number>>;
  /** Keeps the header row in view while scrolling. */
  freezeHeader?: boolean;
}

/** A one-sheet workbook with a bold header row: how every list is downloaded as .xlsx. */
export async function buildSpreadsheet(spec: Spreadsheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '火炬红';
  const sheet = workbook.addWorksheet(spec.name);
  sheet.columns = spec.columns;
  for (const row of spec.rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  if (spec.freezeHeader) sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Sends a workbook as a download, never cached (it holds personal data). `asciiName` is the plain
 * `filename` for old clients; the real, often Chinese, name goes in `filename*`.
 */
export async function sendSpreadsheet(reply: FastifyReply, file: { filename: string; buffer: Buffer }, asciiName: string): Promise<void> {
  await reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('cache-control', 'no-store')
    .send(file.buffer);
}
