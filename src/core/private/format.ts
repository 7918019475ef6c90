/**
 * Formats a number the way every message prints it: whole numbers grouped by thousands (`10,240`),
 * others as JavaScript prints them. (Cheaper than `toLocaleString`, which rules call on every synth.)
 */
export function fmt(n: number): string {
  if (!Number.isInteger(n)) return String(n);
  if (Math.abs(n) >= 1e21) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${digits}` : digits;
}

/** Formats a byte count for messages: `262.1 MB` (MB = 1,048,576 bytes, as Lambda counts). */
export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 0.1) return `${Number(mb.toFixed(1)).toLocaleString('en-US')} MB`;
  return `${bytes.toLocaleString('en-US')} byte${bytes === 1 ? '' : 's'}`;
}
