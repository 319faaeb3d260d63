import ExcelJS from 'exceljs';
import { buildSpreadsheet } from './spreadsheet';

describe('buildSpreadsheet', () => {
  const read = async (buffer: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    return workbook;
  };

  it('writes one sheet: a bold header row, then a row per object in column order', async () => {
    const workbook = await read(
      await buildSpreadsheet({
        name: '名单',
        columns: [
          { header: '序号', key: 'n', width: 6 },
          { header: '姓名', key: 'name', width: 12 },
        ],
        rows: [{ name: '张三', n: 1 }, { n: 2, name: '李四' }],
      }),
    );
    expect(workbook.creator).toBe('火炬红');
    const sheet = workbook.getWorksheet('名单')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '序号', '姓名']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getRow(3).values).toEqual([undefined, 2, '李四']);
    expect(sheet.views ?? []).not.toContainEqual(expect.objectContaining({ state: 'frozen' }));
  });

  it('freezes the header row when asked', async () => {
    const workbook = await read(await buildSpreadsheet({ name: 's', columns: [{ header: 'a', key: 'a', width: 4 }], rows: [], freezeHeader: true }));
    expect(workbook.getWorksheet('s')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});
