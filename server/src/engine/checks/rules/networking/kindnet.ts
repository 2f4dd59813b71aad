import { inEra } from '../../../kops/eras';
import { boolAt, itemsAt } from '../../../kops/goValues';
import { isScalar } from 'yaml';
import type { Violation } from '../violation';
import { netipPrefixError } from './netipPrefix';
import { providerPath, rejection, shown, type NetworkingScope } from './scope';

/**
 * kindnet (kops v1.32 and newer): with masquerading on, every non-empty nonMasqueradeCIDRs entry must parse as a
 * prefix. kops blames the kindnet block itself, once per bad entry.
 */
export function kindnetRules(s: NetworkingScope): Violation[] {
  if (!s.has('kindnet') || !inEra(s.v, { from: '1.32' })) return [];
  const masquerade = providerPath('kindnet', 'masquerade');
  if (boolAt(s.doc, [...masquerade, 'enabled']) !== true) return [];
  return itemsAt(s.doc, [...masquerade, 'nonMasqueradeCIDRs']).flatMap((item, i) => {
    if (!isScalar(item) || typeof item.value !== 'string' || item.value === '') return [];
    const detail = netipPrefixError(item.value);
    if (detail === undefined) return [];
    return [
      rejection({
        at: providerPath('kindnet'),
        underline: [...masquerade, 'nonMasqueradeCIDRs', i],
        type: 'Invalid',
        kopsPath: 'spec.networking.kindnet',
        detail,
        message: `kindnet nonMasqueradeCIDRs entry ${shown(item.value)} is not a CIDR kops ${s.v.text} can parse: write it as address/bits, e.g. 10.0.0.0/8.`,
      }),
    ];
  });
}
