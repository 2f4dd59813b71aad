import { isScalar } from 'yaml';
import { parseGoUrl } from '../../../kops/goUrl';
import { itemsAt, stringAt, structAt } from '../../../kops/goValues';
import { before } from '../../../kops/releases';
import { parseCidr } from '../network';
import type { Violation } from '../violation';
import { rejection, type ComponentContext, shown } from './componentContext';

/** kops' validateKubeProxy: IPVS exclusions must be CIDRs and `master` a URL with scheme and host. */

const PROXY = ['spec', 'kubeProxy'];

function excludedCidrs(cc: ComponentContext): Violation[] {
  const kopsKey = before(cc.v, '1.26') ? 'ipvsExcludeCidrs' : 'ipvsExcludeCIDRs';
  return itemsAt(cc.doc, [...PROXY, 'ipvsExcludeCidrs']).flatMap((item, i) => {
    if (!isScalar(item) || typeof item.value !== 'string' || parseCidr(item.value)) return [];
    return [
      rejection({
        at: [...PROXY, 'ipvsExcludeCidrs', i],
        type: 'Invalid',
        kopsPath: `spec.kubeProxy.${kopsKey}[${i}]`,
        detail: 'Invalid network CIDR',
        message: `kops ${cc.v.text} needs each kubeProxy.ipvsExcludeCidrs entry to be a CIDR such as 10.0.0.0/8, not ${shown(item.value)}.`,
      }),
    ];
  });
}

function master(cc: ComponentContext): Violation[] {
  const url = stringAt(cc.doc, [...PROXY, 'master']);
  if (url === undefined) return [];
  const parsed = parseGoUrl(url);
  if (!('error' in parsed) && parsed.scheme !== '' && parsed.host !== '') return [];
  return [
    rejection({
      at: [...PROXY, 'master'],
      type: 'Invalid',
      kopsPath: 'spec.kubeProxy.master',
      detail: 'Not a valid APIServer URL',
      message: `kops ${cc.v.text} needs kubeProxy.master to be a URL with scheme and host, such as https://api.internal.example.com.`,
    }),
  ];
}

export function kubeProxyRules(cc: ComponentContext): Violation[] {
  return structAt(cc.doc, PROXY) ? [...excludedCidrs(cc), ...master(cc)] : [];
}
