import type { YamlDocument } from '../../document/documents';
import { nodeAt } from '../../document/yamlNav';
import { ciliumPath, dialectFor } from '../../kops/dialect';
import { boolAt, stringAt, structAt, structKeysAt } from '../../kops/goValues';
import { atLeast, before, type KopsVersion } from '../../kops/releases';
import { schemaAt, typeOf } from '../../kops/schema/specSchema';
import type { ScenarioId } from './ciliumScenarios';

/**
 * Whether a scenario merges into this Cluster without leaving a finding behind: never beside another
 * networking provider, ENI only on AWS and IPv4 (and not against a masquerade setting kops forbids with it),
 * encryption only on IPv4 and not over the other encryption type, the basic block only where Cilium is missing.
 */

/** v1alpha3 spells some providers differently; the v1alpha2 schema lists them all. */
const V1ALPHA2_NAME: Record<string, string> = { kubeRouter: 'kuberouter', amazonVPC: 'amazonvpc', gcp: 'gce' };

function otherProviders(doc: YamlDocument, v: KopsVersion): string[] {
  const providers = schemaAt('Cluster', v, ['spec', 'networking'])?.properties ?? {};
  return structKeysAt(doc, ['spec', 'networking']).filter((key) => {
    const name = V1ALPHA2_NAME[key] ?? key;
    return name !== 'cilium' && providers[name] !== undefined && typeOf(providers[name]) === 'object';
  });
}

const onAws = (doc: YamlDocument): boolean =>
  stringAt(doc, ['spec', 'cloudProvider']) === 'aws' || structAt(doc, ['spec', 'cloudProvider', 'aws']);

function isIPv6(doc: YamlDocument): boolean {
  const cidr = stringAt(doc, dialectFor(doc.kops!.apiVersion).nonMasqueradeCIDR);
  return cidr !== undefined && cidr.includes(':');
}

/**
 * From v1.22 to v1.35 kops rejects one explicit masquerade value or the other with ENI (v1.36 takes either). In
 * v1.22–v1.25 every choice leaves a compat warning (the default flips in v1.26, the explicit off is rejected by
 * v1.26–v1.35), so ENI is not offered there.
 */
function masqueradeSettled(doc: YamlDocument, v: KopsVersion): boolean {
  const d = dialectFor(doc.kops!.apiVersion);
  if (before(v, '1.22') || atLeast(v, '1.36')) return true;
  return atLeast(v, '1.26') && nodeAt(doc, ciliumPath(d, d.masqueradeKey)) === undefined;
}

function encryptionFits(doc: YamlDocument, type: 'ipsec' | 'wireguard'): boolean {
  const cilium = dialectFor(doc.kops!.apiVersion).cilium;
  if (isIPv6(doc)) return false;
  if (boolAt(doc, [...cilium, 'enableEncryption']) !== true) return true;
  return (stringAt(doc, [...cilium, 'encryptionType']) ?? 'ipsec') === type;
}

export function scenarioFits(id: ScenarioId, doc: YamlDocument, v: KopsVersion): boolean {
  if (!structAt(doc, ['spec']) || otherProviders(doc, v).length) return false;
  switch (id) {
    case 'basic':
      return !structAt(doc, dialectFor(doc.kops!.apiVersion).cilium);
    case 'eni':
      return onAws(doc) && !isIPv6(doc) && masqueradeSettled(doc, v);
    case 'ipsec':
    case 'wireguard':
      return encryptionFits(doc, id);
    default:
      return true;
  }
}
