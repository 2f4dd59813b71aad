import { parseCidr } from '../network';

/**
 * Go's net/netip.ParsePrefix (Go 1.22 and newer, as kops v1.32+ is built): the error text it gives for a prefix,
 * or undefined when the prefix parses. IPv4 reasons are Go's own; for an IPv6 address only the verdict is
 * exact, the reason is summarised.
 */

const quote = (s: string): string => JSON.stringify(s);

function addrError(addr: string, msg: string, at?: string): string {
  return `ParseAddr(${quote(addr)}): ${msg}${at === undefined ? '' : ` (at ${quote(at)})`}`;
}

function ipv4Error(addr: string): string | undefined {
  let value = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < addr.length; i++) {
    const c = addr[i];
    if (c >= '0' && c <= '9') {
      if (digits === 1 && value === 0) return addrError(addr, 'IPv4 field has octet with leading zero');
      value = value * 10 + Number(c);
      digits++;
      if (value > 255) return addrError(addr, 'IPv4 field has value >255');
    } else if (c === '.') {
      if (i === 0 || i === addr.length - 1 || addr[i - 1] === '.')
        return addrError(addr, 'IPv4 field must have at least one digit', addr.slice(i));
      if (dots === 3) return addrError(addr, 'IPv4 address too long');
      dots++;
      value = 0;
      digits = 0;
    } else {
      return addrError(addr, 'unexpected character', addr.slice(i));
    }
  }
  return dots < 3 ? addrError(addr, 'IPv4 address too short') : undefined;
}

/** netip.ParseAddr: the first `.`, `:` or `%` decides how the text is read. */
function parseAddr(addr: string): { error?: string; bits: number } {
  const first = /[.:%]/.exec(addr)?.[0];
  if (first === undefined) return { error: addrError(addr, 'unable to parse IP'), bits: 0 };
  if (first === '%') return { error: addrError(addr, 'missing IPv6 address'), bits: 0 };
  if (first === '.') return { error: ipv4Error(addr), bits: 32 };
  const zone = addr.indexOf('%');
  const valid = parseCidr(`${zone < 0 ? addr : addr.slice(0, zone)}/0`) !== undefined;
  if (!valid || zone === addr.length - 1) return { error: addrError(addr, 'invalid IPv6 address'), bits: 128 };
  return { error: zone < 0 ? undefined : 'IPv6 zones cannot be present in a prefix', bits: 128 };
}

export function netipPrefixError(prefix: string): string | undefined {
  const fail = (msg: string) => `netip.ParsePrefix(${quote(prefix)}): ${msg}`;
  const slash = prefix.lastIndexOf('/');
  if (slash < 0) return fail("no '/'");
  const addr = parseAddr(prefix.slice(0, slash));
  if (addr.error) return fail(addr.error);
  const bits = prefix.slice(slash + 1);
  if (!/^(0|[1-9][0-9]*)$/.test(bits)) return fail(`bad bits after slash: ${quote(bits)}`);
  return Number(bits) > addr.bits ? fail('prefix length out of range') : undefined;
}
