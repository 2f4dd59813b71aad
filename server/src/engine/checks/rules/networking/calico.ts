import { eraOf, inEra, type Era } from '../../../kops/eras';
import { boolAt, intAt, itemsAt, stringAt } from '../../../kops/goValues';
import { before } from '../../../kops/releases';
import type { Fix } from '../../../types';
import { YamlEditor } from '../../../document/yamlEdit';
import type { Violation } from '../violation';
import { autoDetectionRules } from './calicoAutoDetection';
import { calicoMajorVersionRules } from './calicoMajorVersion';
import { disableKubeProxy, providerPath, rejection, shown, unsupportedValue, type NetworkingScope } from './scope';

/** kops' validateNetworkingCalico, release by release. */

const ENCAPSULATION_MODES: ReadonlyArray<Era & { values: string[] }> = [
  { from: '1.19', until: '1.23', values: ['ipip', 'vxlan'] },
  { from: '1.23', values: ['ipip', 'vxlan', 'none'] },
];
const POOL_MODES = ['Always', 'CrossSubnet', 'Never'];

const SETTINGS: ReadonlyArray<Era & { key: string; values: string[] }> = [
  { from: '1.19', key: 'bpfExternalServiceMode', values: ['Tunnel', 'DSR'] },
  { from: '1.19', key: 'bpfLogLevel', values: ['Off', 'Info', 'Debug'] },
  { from: '1.19', key: 'chainInsertMode', values: ['insert', 'append'] },
  { from: '1.18', key: 'iptablesBackend', values: ['Auto', 'Legacy', 'NFT'] },
];

const at = (key: string) => providerPath('calico', key);
const release = (s: NetworkingScope): string => `kops ${s.v.text}`;

function forbidden(key: string, detail: string, message: string, fixes?: Fix[]): Violation {
  return rejection({
    at: at(key),
    type: 'Forbidden',
    kopsPath: `spec.networking.calico.${key}`,
    detail,
    message,
    ...(fixes ? { fixes } : {}),
  });
}

function awsSrcDstCheck(s: NetworkingScope): Violation[] {
  const value = stringAt(s.doc, at('awsSrcDstCheck'));
  if (value === undefined || before(s.v, '1.19')) return [];
  if (inEra(s.v, { from: '1.26' }) && s.ipv6Only && value !== 'DoNothing') {
    const message = `${release(s)} leaves source/destination checks alone on IPv6-only clusters: set awsSrcDstCheck to DoNothing.`;
    return [
      forbidden(
        'awsSrcDstCheck',
        'awsSrcDstCheck may only be "DoNothing" for IPv6 clusters',
        message,
        setTo(s, 'awsSrcDstCheck', 'DoNothing'),
      ),
    ];
  }
  return unsupportedValue(s, 'calico', 'awsSrcDstCheck', ['Enable', 'Disable', 'DoNothing']);
}

function encapsulationMode(s: NetworkingScope): Violation[] {
  const values = eraOf(s.v, ENCAPSULATION_MODES)?.values;
  const mode = stringAt(s.doc, at('encapsulationMode'));
  if (!values || mode === undefined) return [];
  const out = unsupportedValue(s, 'calico', 'encapsulationMode', values);
  if (inEra(s.v, { from: '1.23' })) {
    if (mode !== 'none' && s.ipv6Only) {
      const message = `${release(s)} runs Calico without encapsulation on IPv6-only clusters: set encapsulationMode to none.`;
      out.push(
        forbidden('encapsulationMode', 'IPv6 requires an encapsulationMode of "none"', message, setTo(s, 'encapsulationMode', 'none')),
      );
    } else if (mode === 'none' && !s.ipv6Only) {
      const message = `${release(s)} accepts encapsulationMode none only on IPv6-only clusters: use ipip or vxlan.`;
      out.push(forbidden('encapsulationMode', 'encapsulationMode "none" is only supported for IPv6 clusters', message));
    }
  }
  if (inEra(s.v, { from: '1.35' }) && mode !== 'vxlan' && s.cloud === 'azure') {
    const message = `Azure drops IP-in-IP packets, so ${release(s)} needs Calico encapsulationMode vxlan there.`;
    out.push(
      forbidden('encapsulationMode', 'Azure requires an encapsulationMode of "vxlan"', message, setTo(s, 'encapsulationMode', 'vxlan')),
    );
  }
  return out;
}

/** ipipMode and vxlanMode: a known pool mode, and anything but Never only with the matching encapsulationMode. */
function poolMode(s: NetworkingScope, key: 'ipipMode' | 'vxlanMode', era: Era): Violation[] {
  const mode = stringAt(s.doc, at(key));
  if (mode === undefined || !inEra(s.v, era)) return [];
  const out = unsupportedValue(s, 'calico', key, POOL_MODES);
  const needed = key === 'ipipMode' ? 'ipip' : 'vxlan';
  const encapsulation = stringAt(s.doc, at('encapsulationMode'));
  if (mode !== 'Never' && encapsulation !== undefined && encapsulation !== needed) {
    const detail =
      key === 'ipipMode'
        ? `IP-in-IP encapsulation requires use of Calico's "ipip" encapsulation mode`
        : `VXLAN encapsulation requires use of Calico's "vxlan" encapsulation mode`;
    const message = `${release(s)} accepts ${key} ${shown(mode)} only with encapsulationMode ${needed} (here ${shown(encapsulation)}): set ${key} to Never.`;
    out.push(forbidden(key, detail, message, setTo(s, key, 'Never')));
  }
  return out;
}

function typhaReplicas(s: NetworkingScope): Violation[] {
  const replicas = intAt(s.doc, at('typhaReplicas'));
  if (replicas === undefined || replicas >= 0) return [];
  return [
    rejection({
      at: at('typhaReplicas'),
      type: 'Invalid',
      kopsPath: 'spec.networking.calico.typhaReplicas',
      detail: `Unable to set number of Typha replicas to less than 0, you've specified ${replicas}`,
      message: `Calico typhaReplicas cannot be negative (${replicas}): set 0 to run without Typha, or a positive count.`,
    }),
  ];
}

function ipv6Features(s: NetworkingScope): Violation[] {
  const out: Violation[] = [];
  if (inEra(s.v, { from: '1.26' }) && s.ipv6Only && boolAt(s.doc, at('wireguardEnabled')) === true) {
    const message = `${release(s)} does not run Calico WireGuard on IPv6-only clusters: set wireguardEnabled to false.`;
    out.push(forbidden('wireguardEnabled', 'WireGuard is not supported on IPv6 clusters', message, setTo(s, 'wireguardEnabled', 'false')));
  }
  if (inEra(s.v, { from: '1.36' }) && s.kubeProxyOn && boolAt(s.doc, at('bpfEnabled')) === true) {
    out.push(
      rejection({
        at: ['spec', 'kubeProxy', 'enabled'],
        anchors: [['spec', 'kubeProxy']],
        type: 'Forbidden',
        kopsPath: 'spec.kubeProxy.enabled',
        detail: 'calico in BPF mode (spec.networking.calico.bpfEnabled=true) requires kubeProxy to be disabled',
        message: `Calico in BPF mode replaces kube-proxy, so ${release(s)} needs kubeProxy.enabled set to false.`,
        fixes: disableKubeProxy(s),
      }),
    );
  }
  return out;
}

function setTo(s: NetworkingScope, key: string, value: string): Fix[] {
  const edits = new YamlEditor(s.file, s.doc, at(key)).set(at(key), value);
  return edits.length ? [{ title: `Set ${key} to ${value}`, edits, preferred: true }] : [];
}

export function calicoRules(s: NetworkingScope): Violation[] {
  if (!s.has('calico')) return [];
  // Before v1.23 kops passes etcdClusters[0] along and crashes when there is none.
  if (before(s.v, '1.23') && itemsAt(s.doc, ['spec', 'etcdClusters']).length === 0) return [];
  return [
    ...awsSrcDstCheck(s),
    ...SETTINGS.filter((e) => inEra(s.v, e)).flatMap((e) => unsupportedValue(s, 'calico', e.key, e.values)),
    ...encapsulationMode(s),
    ...poolMode(s, 'ipipMode', { from: '1.19' }),
    ...poolMode(s, 'vxlanMode', { from: '1.22' }),
    ...autoDetectionRules(s),
    ...typhaReplicas(s),
    ...calicoMajorVersionRules(s),
    ...ipv6Features(s),
  ];
}
