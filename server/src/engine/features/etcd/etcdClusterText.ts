import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { YamlDocument } from '../../document/documents';
import { atLeast, type KopsVersion } from '../../kops/releases';
import { keyName, pairOf, spanOf } from '../../document/yamlNav';

/**
 * The `cilium` etcd cluster as kops' `--networking cilium-etcd` writes it, mirroring an existing cluster
 * (normally `main`): same members (name, instance group, volume encryption), same backup retention, and
 * since kops v1.22 the auto-compaction settings for etcd-manager.
 */

/** Member keys copied from the mirrored cluster. */
const MEMBER_KEYS = ['name', 'instanceGroup', 'encryptedVolume'];
const MEMBER_LIST_KEYS = ['etcdMembers', 'members'];
const AUTO_COMPACTION_SINCE = '1.22';

export const CILIUM_ETCD_ENV: ReadonlyArray<{ name: string; value: string }> = [
  { name: 'ETCD_AUTO_COMPACTION_MODE', value: 'revision' },
  { name: 'ETCD_AUTO_COMPACTION_RETENTION', value: '"2500"' },
];

type Entry = [key: string, value: string];
/** A value is either YAML scalar text or a nested mapping/list of mappings. */
interface Tree {
  entries: Array<[string, string | Tree | Tree[]]>;
}

const source = (doc: YamlDocument, node: unknown): string | undefined => {
  const span = spanOf(node as Node);
  return span && isScalar(node) ? doc.text.slice(span[0], span[1]) : undefined;
};

function scalarEntries(doc: YamlDocument, map: YAMLMap, keys: readonly string[]): Entry[] {
  const out: Entry[] = [];
  for (const pair of map.items) {
    const key = keyName(pair);
    const text = key && keys.includes(key) ? source(doc, pair.value) : undefined;
    if (key && text !== undefined) out.push([key, text]);
  }
  return out;
}

export interface MirroredCluster {
  tree: Tree;
  /** Extra indentation of a block list under its key in the mirrored cluster (0 for `key:\n- a`, 2 for `key:\n  - a`). */
  listIndent: number;
}

/** The `cilium` cluster built from `main`; undefined when `main` has no members to mirror. */
export function mirrorCluster(doc: YamlDocument, main: YAMLMap, v: KopsVersion): MirroredCluster | undefined {
  const listKey = MEMBER_LIST_KEYS.find((k) => isSeq(pairOf(main, k)?.value));
  const members = listKey ? pairOf(main, listKey)!.value : undefined;
  if (!listKey || !isSeq(members) || members.items.length === 0) return undefined;
  const memberTrees = members.items.filter(isMap).map((m) => ({ entries: scalarEntries(doc, m, MEMBER_KEYS) }));
  if (memberTrees.length === 0 || memberTrees.some((m) => !m.entries.some(([k]) => k === 'instanceGroup'))) return undefined;
  const manager: Tree = { entries: [] };
  const retention = pairOf(pairOf(main, 'manager')?.value, 'backupRetentionDays');
  const retentionText = retention && source(doc, retention.value);
  if (retentionText) manager.entries.push(['backupRetentionDays', retentionText]);
  if (atLeast(v, AUTO_COMPACTION_SINCE)) {
    manager.entries.push([
      'env',
      CILIUM_ETCD_ENV.map((e) => ({
        entries: [
          ['name', e.name],
          ['value', e.value],
        ],
      })),
    ]);
  }
  const body: Tree['entries'] = [[listKey, memberTrees]];
  if (manager.entries.length) body.push(['manager', manager]);
  const nameFirst = keyName(main.items[0]) === 'name';
  const tree: Tree = { entries: nameFirst ? [['name', 'cilium'], ...body] : [...body, ['name', 'cilium']] };
  return { tree, listIndent: listIndentOf(doc, main, listKey) };
}

function listIndentOf(doc: YamlDocument, main: YAMLMap, listKey: string): number {
  const pair = pairOf(main, listKey)!;
  const key = spanOf(pair.key);
  const first = isSeq(pair.value) ? spanOf(pair.value.items[0] as Node) : undefined;
  if (!key || !first || (pair.value as { flow?: boolean }).flow) return 0;
  const column = (offset: number) => offset - (doc.text.lastIndexOf('\n', offset - 1) + 1);
  const dash = doc.text.lastIndexOf('-', first[0]);
  return Math.max(0, column(dash) - column(key[0]));
}

/** Block lines relative to the `- ` of the new list item. */
export function blockLines(tree: Tree, step: string, listIndent: number): string[] {
  const lines: string[] = [];
  const emit = (t: Tree, pad: string) => {
    for (const [key, value] of t.entries) {
      if (typeof value === 'string') lines.push(`${pad}${key}: ${value}`);
      else if (Array.isArray(value)) {
        lines.push(`${pad}${key}:`);
        const dashPad = pad + ' '.repeat(listIndent);
        for (const item of value) {
          const start = lines.length;
          emit(item, `${dashPad}  `);
          lines[start] = `${dashPad}- ${lines[start].slice(dashPad.length + 2)}`;
        }
      } else {
        lines.push(`${pad}${key}:`);
        emit(value, pad + step);
      }
    }
  };
  emit(tree, '');
  return lines;
}

/** The same cluster as one flow mapping, for `etcdClusters: [...]`. */
export function flowText(tree: Tree): string {
  const value = (v: string | Tree | Tree[]): string =>
    typeof v === 'string' ? flowScalar(v) : Array.isArray(v) ? `[${v.map(flowText).join(', ')}]` : flowText(v);
  return `{${tree.entries.map(([k, v]) => `${k}: ${value(v)}`).join(', ')}}`;
}

/** Plain block scalars may hold `,` `[` `]` `{` `}`, which end a value in flow style: quote those. */
const flowScalar = (text: string): string => (/^["']/.test(text) || !/[,[\]{}]/.test(text) ? text : JSON.stringify(text));
