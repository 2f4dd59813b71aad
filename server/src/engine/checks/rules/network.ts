import type { ClusterFacts } from './clusterFacts';

/** CIDRs as Go's net.ParseCIDR reads them, for the IPv6-only test and the nonMasqueradeCIDR overlap rule. */
export interface Cidr {
  /** IPv6 in Go's sense: the address does not convert to IPv4 (IPv4-mapped addresses count as IPv4). */
  v6: boolean;
  /** Network address bytes (4 for IPv4, 16 for IPv6), host bits cleared. */
  bytes: number[];
  prefix: number;
}

export function parseIPv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = parts.map((p) => (/^(0|[1-9][0-9]{0,2})$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b <= 255) ? bytes : undefined;
}

function hextets(text: string): number[] | undefined {
  if (text === '') return [];
  const out: number[] = [];
  for (const h of text.split(':')) {
    if (!/^[0-9A-Fa-f]{1,4}$/.test(h)) return undefined;
    out.push(parseInt(h, 16));
  }
  return out;
}

export function parseIPv6(text: string): number[] | undefined {
  let head = text;
  let tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    const v4 = parseIPv4(text.slice(lastColon + 1));
    if (!v4) return undefined;
    tail = [(v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]];
    head = text.slice(0, lastColon + 1);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  const gap = head.indexOf('::');
  let words: number[];
  if (gap >= 0) {
    if (head.indexOf('::', gap + 1) >= 0) return undefined;
    const left = hextets(head.slice(0, gap));
    const right = hextets(head.slice(gap + 2));
    if (!left || !right) return undefined;
    const fill = 8 - left.length - right.length - tail.length;
    if (fill < 1) return undefined;
    words = [...left, ...new Array<number>(fill).fill(0), ...right, ...tail];
  } else {
    const all = hextets(head);
    if (!all) return undefined;
    words = [...all, ...tail];
  }
  if (words.length !== 8) return undefined;
  return words.flatMap((w) => [w >> 8, w & 0xff]);
}

const isV4Mapped = (b: number[]): boolean => b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;

function mask(bytes: number[], prefix: number): number[] {
  return bytes.map((b, i) => {
    const bits = Math.max(0, Math.min(8, prefix - i * 8));
    return b & ((0xff << (8 - bits)) & 0xff);
  });
}

export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0 || !/^[0-9]+$/.test(text.slice(slash + 1))) return undefined;
  const addr = text.slice(0, slash);
  const prefix = Number(text.slice(slash + 1));
  const v4 = addr.includes(':') ? undefined : parseIPv4(addr);
  if (v4) return prefix <= 32 ? { v6: false, bytes: mask(v4, prefix), prefix } : undefined;
  const v6 = parseIPv6(addr);
  if (!v6 || prefix > 128) return undefined;
  if (isV4Mapped(v6) && prefix >= 96) return { v6: false, bytes: mask(v6.slice(12), prefix - 96), prefix: prefix - 96 };
  return { v6: !isV4Mapped(v6), bytes: mask(v6, prefix), prefix };
}

/** kops' subnet.Overlap: either network contains the other's network address. */
export function overlaps(a: Cidr, b: Cidr): boolean {
  if (a.v6 !== b.v6 || a.bytes.length !== b.bytes.length) return false;
  const shorter = Math.min(a.prefix, b.prefix);
  const x = mask(a.bytes, shorter);
  const y = mask(b.bytes, shorter);
  return x.every((byte, i) => byte === y[i]);
}

/** Go's IPNet.String(): the network address in canonical form and the prefix length. */
export function formatCidr(c: Cidr): string {
  if (c.bytes.length === 4) return `${c.bytes.join('.')}/${c.prefix}`;
  const words = Array.from({ length: 8 }, (_, i) => (c.bytes[2 * i] << 8) | c.bytes[2 * i + 1]);
  let best = { start: -1, len: 0 };
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > best.len && j - i >= 2) best = { start: i, len: j - i };
    i = j > i ? j : i + 1;
  }
  const hex = (ws: number[]) => ws.map((w) => w.toString(16)).join(':');
  const text = best.start < 0 ? hex(words) : `${hex(words.slice(0, best.start))}::${hex(words.slice(best.start + best.len))}`;
  return `${text}/${c.prefix}`;
}

/** kops' ClusterSpec.IsIPv6Only: the nonMasqueradeCIDR parses and is IPv6. */
export function isIPv6Only(c: Pick<ClusterFacts, 'nonMasqueradeCIDR'>): boolean {
  if (c.nonMasqueradeCIDR === undefined) return false;
  return parseCidr(c.nonMasqueradeCIDR)?.v6 === true;
}

/** Go's net.ParseIP, as 4 bytes for IPv4 (and IPv4-mapped IPv6) or 16 for IPv6; undefined where Go fails. */
export function parseIp(text: string): number[] | undefined {
  const first = /[.:]/.exec(text)?.[0];
  if (first === '.') return parseIPv4(text);
  const v6 = first === ':' ? parseIPv6(text) : undefined;
  return v6 && isV4Mapped(v6) ? v6.slice(12) : v6;
}

/** Go's IPNet.Contains for an address from parseIp. */
export function cidrContains(c: Cidr, ip: readonly number[]): boolean {
  return ip.length === c.bytes.length && mask([...ip], c.prefix).every((b, i) => b === c.bytes[i]);
}
