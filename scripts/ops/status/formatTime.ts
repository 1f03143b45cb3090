const DAY_MS = 86_400_000;

/** A time in UTC to the second (the date left out within a day of now), and how long ago or ahead. */
export function formatTime(atMs: number, nowMs: number): string {
  const iso = new Date(atMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const shown = Math.abs(nowMs - atMs) < DAY_MS ? iso.slice(11) : iso.replace('T', ' ');
  return `${shown} (${formatRelative(atMs, nowMs)})`;
}

/** `5 min ago`, `in 3 min`, `now`. */
export function formatRelative(atMs: number, nowMs: number): string {
  const deltaSeconds = Math.round((nowMs - atMs) / 1000);
  if (deltaSeconds === 0) return 'now';
  const span = formatDuration(Math.abs(deltaSeconds));
  return deltaSeconds > 0 ? `${span} ago` : `in ${span}`;
}

/** 42 s, 5 min, 3 h 20 min, 2 d 4 h. */
export function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}
