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

/** The text a person sees in a cell, whatever ExcelJS made of it (rich text, hyperlink, formula result, date). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return String(value.result ?? '');
    if (value instanceof Date) return value.toISOString();
  }
  return String(value);
}

/** Reads an uploaded .xlsx; null when the bytes are not a workbook. */
export async function loadWorkbook(file: Buffer): Promise<ExcelJS.Workbook | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    return workbook;
  } catch {
    return null;
  }
}
