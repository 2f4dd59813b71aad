import type { KopsVersion } from '../../../kops/releases';
import { before } from '../../../kops/releases';
import { goParseCidr, goParseIP, networkWithWrittenPrefix, type GoCidr } from './goCidr';

/** kops' parseCIDR / validateCIDR: the network, or why kops calls the value Invalid (with its "did you mean"). */
export interface CidrCheck {
  cidr?: GoCidr;
  invalid?: { detail: string; suggestion?: string };
}

function unparsable(text: string, v: KopsVersion): CidrCheck {
  const ip = text.includes('/') ? undefined : goParseIP(text, v);
  if (!ip) return { invalid: { detail: 'Could not be parsed as a CIDR' } };
  const suggestion = `${text}/${before(v, '1.22') || (ip.length === 4 && !text.includes(':')) ? 32 : 64}`;
  return { invalid: { detail: `Could not be parsed as a CIDR (did you mean "${suggestion}")`, suggestion } };
}

export function checkCidr(text: string, v: KopsVersion): CidrCheck {
  const cidr = goParseCidr(text, v);
  if (!cidr) return unparsable(text, v);
  if (!cidr.hostBits) return { cidr };
  const suggestion = networkWithWrittenPrefix(cidr);
  return { cidr, invalid: { detail: `Network contains bits outside prefix (did you mean "${suggestion}")`, suggestion } };
}
