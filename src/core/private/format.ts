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
