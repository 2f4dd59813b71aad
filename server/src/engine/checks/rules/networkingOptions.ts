import type { KopsVersion } from '../../kops/releases';
import type { ClusterFacts } from './clusterFacts';
import { eraOf, type Era } from '../../kops/eras';
import type { Violation } from './violation';

/**
 * Only one networking provider per cluster. Up to v1.31 kops walked the providers in a fixed order and blamed
 * each one configured after the first ("only one networking option permitted"); since v1.32 it blames every
 * configured provider and names them all. Names are kops' internal ones (kubeRouter/amazonVPC/gcp since v1.26/v1.28).
 * Order tokens: `name*` marks a provider that counts as taken but is never blamed, `name!` one that is blamed
 * but does not count as taken.
 */

const SEQUENTIAL: ReadonlyArray<Era & { order: string }> = [
  {
    from: '1.18',
    until: '1.19',
    order: 'kubenet* external cni kopeio weave flannel calico canal kuberouter romana amazonvpc cilium lyftvpc gce',
  },
  {
    from: '1.19',
    until: '1.19.2',
    order: 'kubenet* external cni kopeio weave flannel calico canal kuberouter amazonvpc cilium lyftvpc gce',
  },
  {
    from: '1.19.2',
    until: '1.20',
    order: 'kubenet* external kopeio cni! weave flannel calico canal kuberouter amazonvpc cilium lyftvpc gce',
  },
  {
    from: '1.20',
    until: '1.23',
    order: 'kubenet* external kopeio cni! weave flannel calico canal kuberouter amazonvpc cilium lyftvpc gce!',
  },
  { from: '1.23', until: '1.26', order: 'kubenet* external kopeio cni! weave flannel calico canal kuberouter amazonvpc cilium gce!' },
  { from: '1.26', until: '1.28', order: 'kubenet* external kopeio cni! weave flannel calico canal kubeRouter amazonVPC cilium gce!' },
  { from: '1.28', until: '1.32', order: 'kubenet* external kopeio cni! flannel calico canal kubeRouter amazonVPC cilium gcp!' },
];

const ALL_AT_ONCE: ReadonlyArray<Era & { options: string }> = [
  {
    from: '1.32',
    until: '1.34',
    options: 'classic kubenet external cni kopeio weave flannel calico canal kubeRouter romana amazonVPC cilium lyftvpc gcp kindnet',
  },
  {
    from: '1.34',
    options: 'classic kubenet external cni kopeio weave flannel calico kubeRouter romana amazonVPC cilium lyftvpc gcp kindnet',
  },
];

const ONE = 'only one networking option permitted';

function violation(c: ClusterFacts, name: string, detail: string, others: string[], v: KopsVersion): Violation {
  const key = c.dialect.providerKey(name);
  const rest = others.filter((o) => o !== key).join(', ');
  return {
    code: 'networking-single-option',
    at: ['spec', 'networking', key],
    type: 'Forbidden',
    kopsPath: `spec.networking.${name}`,
    detail,
    message: `kops ${v.text} accepts only one networking provider: remove ${key} or ${rest}.`,
  };
}

export function networkingOptionRules(c: ClusterFacts, v: KopsVersion): Violation[] {
  const configured = (name: string) => c.networkingKeys.includes(c.dialect.providerKey(name));
  const sequential = eraOf(v, SEQUENTIAL);
  if (sequential) {
    const tokens = sequential.order.split(' ');
    const present = tokens
      .map((t) => t.replace(/[*!]$/, ''))
      .filter(configured)
      .map((n) => c.dialect.providerKey(n));
    const out: Violation[] = [];
    let taken = false;
    for (const token of tokens) {
      const name = token.replace(/[*!]$/, '');
      if (!configured(name)) continue;
      if (taken && !token.endsWith('*')) out.push(violation(c, name, ONE, present, v));
      if (!token.endsWith('!')) taken = true;
    }
    return out;
  }
  const era = eraOf(v, ALL_AT_ONCE);
  const found = (era?.options.split(' ') ?? []).filter(configured).sort();
  if (found.length < 2) return [];
  const detail = `${ONE}, found ${found.join(', ')}`;
  return found.map((name) =>
    violation(
      c,
      name,
      detail,
      found.map((f) => c.dialect.providerKey(f)),
      v,
    ),
  );
}
