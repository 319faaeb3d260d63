import { chooseBrowserFile } from '@/lib/choose-browser-file';
import type { pickRosterFile as weappPickRosterFile } from './pick-roster-file';

/** Browser: pick one .xlsx file; null when the person backs out. */
export const pickRosterFile: typeof weappPickRosterFile = () =>
  chooseBrowserFile('.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'roster-file-input');
