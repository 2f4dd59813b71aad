/**
 * Go's time.ParseDuration, the reader of every metav1.Duration field kops decodes (`24h`, `1h30m`, `-1.5h`):
 * the duration in seconds, or undefined when Go would refuse the text.
 */

const UNIT_SECONDS: Record<string, number> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  μs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};

const COMPONENT = /^([0-9]*(?:\.[0-9]*)?)([^0-9.]+)/;

export function parseGoDuration(text: string): number | undefined {
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let seconds = 0;
  while (rest !== '') {
    const m = COMPONENT.exec(rest);
    if (!m || m[1] === '' || m[1] === '.') return undefined;
    const unit = UNIT_SECONDS[m[2]];
    if (unit === undefined) return undefined;
    seconds += Number(m[1]) * unit;
    rest = rest.slice(m[0].length);
  }
  return sign * seconds;
}
