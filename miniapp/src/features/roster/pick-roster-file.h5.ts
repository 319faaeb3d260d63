import type { pickRosterFile as weappPickRosterFile } from './pick-roster-file';

/** Browser: pick one .xlsx file; null when the person backs out. */
export const pickRosterFile: typeof weappPickRosterFile = () =>
  new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    input.className = 'roster-file-input';
    input.style.display = 'none';
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => done(null));
    document.body.appendChild(input);
    // Called straight from the tap, so the browser lets the picker open.
    input.click();
  });
