import { chooseBrowserFile } from '@/lib/choose-browser-file';
import type { pickSheetFile as weappPickSheetFile } from './pick-sheet-file';

/** Browser: pick one .xlsx file; null when the person backs out. */
export const pickSheetFile: typeof weappPickSheetFile = () =>
  chooseBrowserFile('.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'sheet-file-input');
