/** A time as an operator reads it: UTC to the second, and how long ago or ahead. */
export function formatTime(atMs: number, nowMs: number): string {
  const iso = new Date(atMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const deltaSeconds = Math.round((nowMs - atMs) / 1000);
  const span = formatDuration(Math.abs(deltaSeconds));
  if (deltaSeconds === 0) return `${iso} (now)`;
  return deltaSeconds > 0 ? `${iso} (${span} ago)` : `${iso} (in ${span})`;
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
