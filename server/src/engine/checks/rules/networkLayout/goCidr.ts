import { before, type KopsVersion } from '../../../kops/releases';
import { formatCidr, parseIPv4, parseIPv6, type Cidr } from '../network';

/**
 * CIDRs and IPs as the Go release that built a kops release reads them (net.ParseCIDR, net.ParseIP). kops before
 * v1.23 was built with Go 1.16, which still read IPv4 octets with leading zeros as decimal numbers.
 */

export interface GoCidr {
  /** The network, IPv4-mapped addresses as IPv4 (what IPNet.Contains and String see). */
  net: Cidr;
  /** The address as written, 4 or 16 bytes, and the mask length in bits of that form (what BelongsTo sees). */
  raw: number[];
  bits: number;
  prefix: number;
  /** The address is not the network address. */
  hostBits: boolean;
  /** net.ParseCIDR's ip.To4() == nil: kops' IsIPv6CIDR. */
  v6: boolean;
}

const lenientOctets = (text: string): string => {
  const tail = text.lastIndexOf(':') + 1;
  const quad = text.slice(tail).split('.');
  if (quad.length < 2 || !quad.every((p) => /^[0-9]+$/.test(p))) return text;
  return text.slice(0, tail) + quad.map((p) => p.replace(/^0+(?=[0-9])/, '')).join('.');
};

const isMapped = (b: readonly number[]): boolean =>
  b.length === 16 && b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;

/** net.ParseIP: 4 bytes for dotted IPv4, 16 bytes for IPv6 (zones refused). */
export function goParseIP(text: string, v: KopsVersion): number[] | undefined {
  const address = before(v, '1.23') ? lenientOctets(text) : text;
  if (!address.includes(':')) return parseIPv4(address);
  return parseIPv6(address);
}

const masked = (bytes: readonly number[], prefix: number): number[] =>
  bytes.map((b, i) => b & ((0xff << (8 - Math.max(0, Math.min(8, prefix - i * 8)))) & 0xff));

/** net.ParseCIDR, or undefined where it fails. */
export function goParseCidr(text: string, v: KopsVersion): GoCidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const raw = goParseIP(text.slice(0, slash), v);
  const mask = text.slice(slash + 1);
  if (!raw || !/^[0-9]+$/.test(mask)) return undefined;
  const bits = raw.length * 8;
  const prefix = Number(mask);
  if (prefix > bits) return undefined;
  const network = masked(raw, prefix);
  const hostBits = network.some((b, i) => b !== raw[i]);
  const mapped = isMapped(network);
  const net: Cidr = mapped ? { v6: false, bytes: network.slice(12), prefix: prefix - 96 } : { v6: bits === 128, bytes: network, prefix };
  return { net, raw, bits, prefix, hostBits, v6: bits === 128 && !isMapped(raw) };
}

/** IPNet.String(): the canonical network. */
export const cidrText = (c: GoCidr): string => formatCidr(c.net);

/** The network address as IP.String() prints it, with the mask length as written (parseCIDR's "did you mean"). */
export const networkWithWrittenPrefix = (c: GoCidr): string => `${cidrText(c).replace(/\/[0-9]+$/, '')}/${c.prefix}`;

/** kops' subnet.BelongsTo: same address size, parent no longer, child inside parent. */
export function belongsTo(parent: GoCidr, child: GoCidr): boolean {
  if (parent.bits !== child.bits || parent.prefix > child.prefix) return false;
  const a = masked(parent.raw, parent.prefix);
  const b = masked(child.raw, parent.prefix);
  return a.every((x, i) => x === b[i]);
}

/** IPNet.Contains(ip) for another network's address. */
export function containsAddress(outer: GoCidr, inner: GoCidr): boolean {
  const a = outer.net;
  const b = inner.net;
  if (a.bytes.length !== b.bytes.length) return false;
  const x = masked(a.bytes, a.prefix);
  const y = masked(b.bytes, a.prefix);
  return x.every((byte, i) => byte === y[i]);
}

/** kops' subnet.Overlap: either network contains the other's address. */
export const cidrsOverlap = (a: GoCidr | undefined, b: GoCidr | undefined): boolean =>
  !!a && !!b && (containsAddress(a, b) || containsAddress(b, a));

/** net.IP.IsPrivate (RFC 1918 and RFC 4193). */
export function isPrivateNetwork(c: GoCidr): boolean {
  const b = c.net.bytes;
  if (b.length === 4) return b[0] === 10 || (b[0] === 172 && (b[1] & 0xf0) === 16) || (b[0] === 192 && b[1] === 168);
  return (b[0] & 0xfe) === 0xfc;
}

/** IPNet.Contains for the address as written (legacy kops compared the route's own address, not its network). */
export function containsWrittenAddress(outer: GoCidr, inner: GoCidr): boolean {
  const address = isMapped(inner.raw) ? inner.raw.slice(12) : inner.raw;
  const a = outer.net;
  if (a.bytes.length !== address.length) return false;
  const x = masked(a.bytes, a.prefix);
  const y = masked(address, a.prefix);
  return x.every((byte, i) => byte === y[i]);
}
