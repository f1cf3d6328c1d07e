/**
 * A date as its cell's number format shows it, as Excel would (review 20a D7): 2024年6月15日 07:45 under
 * yyyy"年"m"月"d"日" hh:mm, 2024/6/15 under yyyy/m/d. The parts people use — years, months and days as numbers,
 * hours, minutes and seconds, quoted text, escaped and plain characters; anything else (month or weekday names, AM/PM,
 * elapsed [h], fractions of a second, eras) is left to the preview's own way (undefined). Pure.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** The first section of a format code (the one a positive number or a date takes). */
function firstSection(code: string): string {
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\\') i++;
    else if (c === ';' && !quoted) return code.slice(0, i);
  }
  return code;
}

type Token = { text: string } | { part: 'y' | 'M' | 'd' | 'h' | 'm' | 's'; len: number };

/** The code as literal text and date parts; undefined for a part this does not show. */
function tokens(code: string): Token[] | undefined {
  const out: Token[] = [];
  for (let i = 0; i < code.length;) {
    const c = code[i];
    if (c === '"') {
      const end = code.indexOf('"', i + 1);
      if (end < 0) return undefined;
      out.push({ text: code.slice(i + 1, end) });
      i = end + 1;
    } else if (c === '\\') {
      out.push({ text: code[i + 1] ?? '' });
      i += 2;
    } else if (c === '[') {
      const end = code.indexOf(']', i);
      if (end < 0) return undefined;
      // A colour or a locale ([$-804]) changes nothing shown here; an elapsed [h] or [mm] is not a time of day.
      if (/^\[(h+|m+|s+)\]$/i.test(code.slice(i, end + 1))) return undefined;
      i = end + 1;
    } else if (c === '_') {
      out.push({ text: ' ' });
      i += 2;
    } else if (/[ymdhs]/i.test(c)) {
      let j = i;
      while (j < code.length && code[j].toLowerCase() === c.toLowerCase()) j++;
      const lower = c.toLowerCase() as 'y' | 'm' | 'd' | 'h' | 's';
      out.push({ part: lower === 'm' ? 'M' : lower, len: j - i });
      i = j;
    } else if (/[a-z@*0#?]/i.test(c) || (c === '.' && code[i + 1] === '0')) {
      // AM/PM, an era, a weekday, text (@), a fill, digits of a number, a fraction of a second (.000): not shown here.
      return undefined;
    } else {
      out.push({ text: c });
      i++;
    }
  }
  return out;
}

/** An m-run is the minute after an hour or before a second (Excel's reading), else the month. */
function minutes(parts: Token[]): Token[] {
  const dated = parts.filter((t): t is Extract<Token, { part: string }> => 'part' in t);
  return parts.map((t) => {
    if (!('part' in t) || t.part !== 'M') return t;
    const at = dated.indexOf(t);
    const minute = dated[at - 1]?.part === 'h' || dated[at + 1]?.part === 's';
    return minute ? { part: 'm', len: t.len } : t;
  });
}

/** The date (a wall clock held as UTC) as `code` shows it; undefined where the code asks for what this does not show. */
export function dateByFormat(date: Date, code: string): string | undefined {
  const parts = tokens(firstSection(code));
  if (!parts || !parts.some((t) => 'part' in t)) return undefined;
  let text = '';
  for (const t of minutes(parts)) {
    if (!('part' in t)) {
      text += t.text;
      continue;
    }
    const { part, len } = t;
    if ((part === 'M' || part === 'd') && len > 2) return undefined;
    const n = {
      y: date.getUTCFullYear(),
      M: date.getUTCMonth() + 1,
      d: date.getUTCDate(),
      h: date.getUTCHours(),
      m: date.getUTCMinutes(),
      s: date.getUTCSeconds(),
    }[part];
    if (part === 'y') text += len > 2 ? String(n) : pad(n % 100);
    else text += len > 1 ? pad(n) : String(n);
  }
  return text;
}
