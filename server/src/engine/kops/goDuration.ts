/**
 * Durations as Go's time.ParseDuration reads them (the text form of a Kubernetes metav1.Duration): an optional
 * sign, then one or more decimal numbers each followed by a unit, e.g. `1h30m`, `.5s`, `-2ms`; `0` alone is zero.
 */

const UNIT_NANOS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

const COMPONENT = /^([0-9]*)(?:\.([0-9]*))?([^0-9.]+)/;

/** Nanoseconds, or undefined where Go fails to parse (overflow is not modelled: such values are never realistic). */
export function parseGoDuration(text: string): number | undefined {
  let rest = text;
  let sign = 1;
  if (rest[0] === '-' || rest[0] === '+') {
    sign = rest[0] === '-' ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0;
  while (rest !== '') {
    const m = COMPONENT.exec(rest);
    if (!m || (m[1] === '' && (m[2] ?? '') === '')) return undefined;
    const unit = m[3];
    const nanos = UNIT_NANOS[unit];
    if (nanos === undefined) return undefined;
    total += Number(`${m[1] || '0'}.${m[2] ?? ''}0`) * nanos;
    rest = rest.slice(m[1].length + (m[2] === undefined ? 0 : m[2].length + 1) + unit.length);
  }
  return sign * total;
}
