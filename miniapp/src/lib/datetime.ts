/** Dates and times as people in China read them, whatever the phone's time zone. */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const pad = (value: number) => String(value).padStart(2, '0');

/** The wall-clock parts of an instant in China (UTC+8), whatever the phone's time zone. */
export function chinaParts(iso: string) {
  const shifted = new Date(new Date(iso).getTime() + CHINA_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    weekday: shifted.getUTCDay(),
  };
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** The wall-clock parts of a calendar day (`2026-12-01`) or of an instant (in China). */
function dayParts(value: string) {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) {
    const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
    return { month, day: date, weekday: new Date(Date.UTC(year, month - 1, date)).getUTCDay() };
  }
  return chinaParts(value);
}

/**
 * The app's one date style: `12月01日`, or `12月01日 周二` with the weekday. Takes a calendar day
 * (`2026-12-01`, as visits and reviews store them) or an instant (shown as the day in China).
 */
export function formatDate(value: string, options: { weekday?: boolean } = {}): string {
  const p = dayParts(value);
  const date = `${pad(p.month)}月${pad(p.day)}日`;
  return options.weekday ? `${date} 周${WEEKDAYS[p.weekday]}` : date;
}

/** `12月01日 14:00` */
export function formatDateTime(iso: string): string {
  const p = chinaParts(iso);
  return `${pad(p.month)}月${pad(p.day)}日 ${pad(p.hour)}:${pad(p.minute)}`;
}

/** `12月01日 周一 14:00 - 16:00`, or both ends in full when the activity spans days. */
export function formatTimeRange(startAt: string, endAt: string): string {
  const start = chinaParts(startAt);
  const end = chinaParts(endAt);
  const sameDay = start.year === end.year && start.month === end.month && start.day === end.day;
  if (sameDay) {
    return `${pad(start.month)}月${pad(start.day)}日 周${WEEKDAYS[start.weekday]} ${pad(start.hour)}:${pad(start.minute)} - ${pad(end.hour)}:${pad(end.minute)}`;
  }
  return `${formatDateTime(startAt)} - ${formatDateTime(endAt)}`;
}
