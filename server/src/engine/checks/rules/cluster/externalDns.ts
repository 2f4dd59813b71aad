import { isMap } from 'yaml';
import { nodeAt } from '../../../document/yamlNav';
import { stringPointerAt, stringAt } from '../../../kops/goValues';
import { eraOf, type Era } from '../../../kops/eras';
import { atLeast } from '../../../kops/releases';
import type { ClusterRule } from '../ruleContext';
import { supportedValuesDetail, type Violation } from '../violation';
import { shortText } from '../shortText';
import { usesLegacyGossip, usesNoneDNS } from './clusterDoc';

/**
 * validateExternalDNS (v1.22 on): the provider, the watched namespace, and external-dns needing a real DNS zone.
 * The DNS-topology check is ported from v1.27, where kops reads it from the name and topology alone (earlier
 * releases read defaulted fields or IPv6 settings).
 */

const PROVIDERS: ReadonlyArray<Era & { values: string[] }> = [
  { from: '1.22', until: '1.23', values: ['', 'dns-controller', 'external-dns'] },
  { from: '1.23', values: ['', 'dns-controller', 'external-dns', 'none'] },
];

const AT = ['spec', 'externalDns'];
const KOPS = 'spec.externalDNS';

export const externalDnsRules: ClusterRule = ({ doc, v }) => {
  const providers = eraOf(v, PROVIDERS)?.values;
  if (!providers || !isMap(nodeAt(doc, AT))) return [];
  const out: Violation[] = [];
  const provider = stringPointerAt(doc, [...AT, 'provider']) ?? '';
  if (!providers.includes(provider)) {
    out.push({
      code: 'kops-cluster',
      at: [...AT, 'provider'],
      type: 'NotSupported',
      kopsPath: `${KOPS}.provider`,
      detail: supportedValuesDetail(providers),
      message: `kops ${v.text} accepts externalDns.provider ${providers.filter(Boolean).join(', ')}: change ${shortText(provider)}.`,
    });
  }
  const namespace = stringAt(doc, [...AT, 'watchNamespace']);
  if (namespace !== undefined && namespace !== 'kube-system') {
    out.push({
      code: 'kops-cluster',
      at: [...AT, 'watchNamespace'],
      type: 'Forbidden',
      kopsPath: `${KOPS}.watchNamespace`,
      detail: 'externalDNS must watch either all namespaces or only kube-system',
      message: `kops ${v.text} lets externalDns watch all namespaces or only kube-system: remove watchNamespace or set it to kube-system.`,
    });
  }
  if (provider === 'external-dns' && atLeast(v, '1.27') && (usesLegacyGossip(doc) || usesNoneDNS(doc))) {
    out.push({
      code: 'kops-cluster',
      at: [...AT, 'provider'],
      type: 'Forbidden',
      kopsPath: `${KOPS}.provider`,
      detail: 'external-dns requires public or private DNS topology',
      message: `kops ${v.text} runs external-dns only with a Public or Private DNS zone: use dns-controller, or a cluster name and topology.dns with a real zone.`,
    });
  }
  return out;
};
