/** Dotted paths into plain records, written: `settings.arrivalDaysBefore`, `totals.bags31` (read by model/location.ts valueAt). */
import type { FormRecord } from './layout';

export function setPath(record: FormRecord, path: string, value: unknown): void {
  if (!path.includes('.')) {
    record[path] = value;
    return;
  }
  const keys = path.split('.');
  let node: Record<string, unknown> = record;
  for (const key of keys.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}
