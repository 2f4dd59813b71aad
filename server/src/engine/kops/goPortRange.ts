/**
 * Port ranges as Kubernetes' utilnet.PortRange.Set reads them (`30000-32767`, `30000+2767`, a single port):
 * undefined when valid, else the error text Go gives.
 */

/** Go's strconv.Atoi on a base-10 integer with an optional sign. */
function atoi(text: string): number | string {
  if (!/^[+-]?[0-9]+$/.test(text)) return `strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`;
  const big = BigInt(text);
  const outOfRange = big > 9223372036854775807n || big < -9223372036854775808n;
  return outOfRange ? `strconv.Atoi: parsing ${JSON.stringify(text)}: value out of range` : Number(big);
}

export function portRangeError(raw: string): string | undefined {
  const value = raw.trim();
  if (value === '') return undefined;
  const hyphen = value.indexOf('-');
  const plus = value.indexOf('+');
  let low: number | string;
  let high: number | string;
  if (hyphen >= 0 && plus >= 0) return `unable to parse port range: ${value}`;
  if (hyphen >= 0) {
    low = atoi(value.slice(0, hyphen));
    if (typeof low === 'string') return low;
    high = atoi(value.slice(hyphen + 1));
  } else if (plus >= 0) {
    low = atoi(value.slice(0, plus));
    if (typeof low === 'string') return low;
    const offset = atoi(value.slice(plus + 1));
    high = typeof offset === 'string' ? offset : low + offset;
  } else {
    low = atoi(value);
    high = low;
  }
  if (typeof high === 'string') return high;
  if (typeof low === 'string') return low;
  if (low > 65535 || high > 65535) return `the port range cannot be greater than 65535: ${value}`;
  if (high < low) return `end port cannot be less than start port: ${value}`;
  return undefined;
}
