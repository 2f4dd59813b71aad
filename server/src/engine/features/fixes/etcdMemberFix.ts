import { isMap, isSeq, type Node } from 'yaml';
import type { ParsedFile, YamlDocument } from '../../document/documents';
import { YamlEditor } from '../../document/yamlEdit';
import { keyName, nodeAt, spanOf } from '../../document/yamlNav';
import { yaml11Type } from '../../document/yaml11';
import { clustersWithoutMember, etcdClusterPath, readEtcdClusters, type EtcdCluster } from '../../kops/etcdClusters';
import { etcdClusterOfMembershipDetail } from '../../kops/etcdMembership';
import { goStringAt } from '../../kops/goValues';
import { linkSpecs } from '../../kops/specLinks';
import type { TextEdit } from '../../types';
import { fix, fixContext, titlePart } from './context';
import type { FindingFixer } from './index';

/**
 * A control-plane InstanceGroup that is no member of an etcd cluster: add the member to that cluster in the
 * InstanceGroup's Cluster, when that Cluster is in the same file. The member is named as `kops create cluster`
 * names members (the InstanceGroup name without its `control-plane-`/`master-` prefix and without the prefix
 * it shares with the cluster's other members, e.g. `c` for `control-plane-us-east-1c`).
 */

const ROLE_PREFIXES = ['control-plane-', 'master-'];

function withoutCommonPrefix(names: string[]): string[] {
  let out = names;
  while (out.length > 0 && out[0].length > 1 && out.every((n) => n.startsWith(out[0][0]))) out = out.map((n) => n.slice(1));
  return out.map((n) => (/^[0-9]/.test(n) ? `etcd-${n}` : n));
}

function memberName(etcd: EtcdCluster, group: string): string {
  const groups = [...etcd.members.map((m) => m.instanceGroup).filter((g) => g !== ''), group];
  const stripped = groups.map((g) => ROLE_PREFIXES.reduce((n, p) => (n.startsWith(p) ? n.slice(p.length) : n), g));
  const name = withoutCommonPrefix(stripped).pop() ?? '';
  return name === '' || etcd.members.some((m) => m.name === name) ? group : name;
}

/** A plain YAML scalar where kops would read the same string, else a double-quoted one. */
const scalar = (s: string): string => (/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(s) && yaml11Type(s) === undefined ? s : JSON.stringify(s));

/** `instanceGroup` and `name` in the order the cluster's first member writes them, plus its `encryptedVolume`. */
function memberEntries(cluster: YamlDocument, etcd: EtcdCluster, group: string): Array<[string, string]> {
  const entries: Array<[string, string]> = [
    ['instanceGroup', scalar(group)],
    ['name', scalar(memberName(etcd, group))],
  ];
  const first = nodeAt(cluster, etcdClusterPath(etcd.index, 'etcdMembers', 0));
  if (!isMap(first)) return entries;
  const keys = first.items.map((p) => keyName(p));
  if (keys.indexOf('name') >= 0 && keys.indexOf('name') < keys.indexOf('instanceGroup')) entries.reverse();
  const encrypted = first.items.find((p) => keyName(p) === 'encryptedVolume')?.value as Node | undefined;
  const span = spanOf(encrypted);
  if (span) entries.push(['encryptedVolume', cluster.text.slice(span[0], span[1])]);
  return entries;
}

function addMemberEdits(file: ParsedFile, cluster: YamlDocument, etcd: EtcdCluster, group: string): TextEdit[] {
  const edit = new YamlEditor(file, cluster);
  const path = etcdClusterPath(etcd.index, 'etcdMembers');
  const entries = memberEntries(cluster, etcd, group);
  const members = nodeAt(cluster, path);
  if (isSeq(members) && members.flow) return edit.appendToFlowSeq(path, `{${entries.map(([k, v]) => `${k}: ${v}`).join(', ')}}`);
  if (isSeq(members))
    return edit.appendToSeq(
      path,
      entries.map(([k, v]) => `${k}: ${v}`),
    );
  if (members !== undefined) return [];
  const lines = entries.map(([k, v], i) => `${i === 0 ? '- ' : '  '}${k}: ${v}`);
  return edit.addBlock(etcdClusterPath(etcd.index), 'etcdMembers', lines);
}

export const missingEtcdMember: FindingFixer = (file, v, finding) => {
  const ctx = fixContext(file, v, finding);
  const etcdName = etcdClusterOfMembershipDetail(finding.kops?.detail);
  if (!ctx || ctx.doc.kops?.kind !== 'InstanceGroup' || etcdName === undefined) return [];
  const cluster = linkSpecs([file]).clusterOf(ctx.doc);
  const group = goStringAt(ctx.doc, ['metadata', 'name']);
  const clusters = cluster && readEtcdClusters(cluster);
  if (!cluster || !clusters || !group) return [];
  const etcd = clustersWithoutMember(clusters, group).find((c) => c.name === etcdName);
  if (!etcd) return [];
  const title = `Add an etcd member on ${titlePart(group, 25)} to etcd cluster ${titlePart(etcdName, 16)}`;
  return fix(title, addMemberEdits(file, cluster, etcd, group), { preferred: true, touches: [etcdClusterPath(etcd.index, 'etcdMembers')] });
};
