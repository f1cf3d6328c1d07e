/** Dotted paths into plain records: `settings.arrivalDaysBefore`, `totals.bags31`. */
import type { FormRecord } from './layout';

export function getPath(record: FormRecord, path: string): unknown {
  let node: unknown = record;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

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
