import { atLeast, type KopsVersion } from '../../../kops/releases';
import { formatCidr, parseCidr, type Cidr } from '../network';

/**
 * A route destination as kops reads it: before v1.27 Go's net.ParseCIDR (host bits allowed, the address as
 * written compared), from v1.27 kops' parseCIDR (host bits refused, the network address compared).
 */
export interface RouteCidr {
  /** kops' detail when it refuses the text. */
  detail?: string;
  /** The address kops tests against the cluster network, as a full-length prefix. */
  address?: Cidr;
}

/** Go's net.ParseIP, as a full-length prefix (IPv4-mapped IPv6 reads as IPv4). */
function hostAddress(text: string): Cidr | undefined {
  if (text.includes('/')) return undefined;
  const v4 = !text.includes(':');
  return parseCidr(`${text}/${v4 ? 32 : 128}`);
}

function couldNotParse(text: string): string {
  const ip = hostAddress(text);
  if (!ip) return 'Could not be parsed as a CIDR';
  const bits = !ip.v6 && !text.includes(':') ? 32 : 64;
  return `Could not be parsed as a CIDR (did you mean "${text}/${bits}")`;
}

export function routeCidrProblem(text: string, v: KopsVersion): RouteCidr {
  const net = parseCidr(text);
  const slash = text.indexOf('/');
  const written = net && hostAddress(text.slice(0, slash));
  if (!net || !written) return { detail: atLeast(v, '1.27') ? couldNotParse(text) : 'invalid cidr' };
  const full = written.bytes.length * 8;
  if (!atLeast(v, '1.27')) return { address: written };
  const network: Cidr = { ...net, prefix: full };
  const hostBits = written.bytes.some((b, i) => b !== net.bytes[i]);
  return hostBits
    ? { detail: `Network contains bits outside prefix (did you mean "${formatCidr(net)}")`, address: network }
    : { address: network };
}
