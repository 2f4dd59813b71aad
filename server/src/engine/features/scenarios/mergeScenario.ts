import { isMap, isScalar, isSeq } from 'yaml';
import { parseFile, type ParsedFile, type YamlDocument } from '../../document/documents';
import { retypedCollectionAlong } from '../../document/collectionTags';
import { aliasedAnchorAlong } from '../../document/aliasedAnchors';
import { applyEdits } from '../../document/textEdits';
import { YamlEditor } from '../../document/yamlEdit';
import { nodeAt } from '../../document/yamlNav';
import { CILIUM_PATH } from '../../kops/dialect';
import { boolAt } from '../../kops/goValues';
import type { KopsVersion } from '../../kops/releases';
import type { PathSegment, TextEdit } from '../../types';
import { ciliumEtcdClusterWritable, ciliumEtcdEdits } from '../etcd';
import type { CiliumScenario, ScenarioChange } from './ciliumScenarios';

const hasCiliumEtcd = (doc: YamlDocument): boolean => {
  const clusters = nodeAt(doc, ['spec', 'etcdClusters']);
  const named = isSeq(clusters) && clusters.items.some((c) => isMap(c) && c.get('name') === 'cilium');
  return named && boolAt(doc, [...CILIUM_PATH, 'etcdManaged']) === true;
};

/** Whether the spec already sets this key to this value. */
function alreadySet(doc: YamlDocument, change: ScenarioChange): boolean {
  if (change.kind !== 'set') return false;
  const node = nodeAt(doc, change.path);
  return isScalar(node) && String(node.value) === change.value;
}

/** Whether the spec already says what this change would write. */
export function changeDone(doc: YamlDocument, change: ScenarioChange): boolean {
  if (change.kind === 'ciliumBlock') return isMap(nodeAt(doc, CILIUM_PATH));
  return change.kind === 'ciliumEtcd' ? hasCiliumEtcd(doc) : alreadySet(doc, change);
}

const isEmptyScalar = (node: unknown): boolean => isScalar(node) && node.value === null && node.source === '';

/**
 * YamlEditor.set's condition: a scalar to replace, or missing with a mapping or empty value as its deepest parent,
 * and no node on the way whose tag gives it another meaning or whose anchor an alias uses.
 */
function settable(doc: YamlDocument, path: readonly PathSegment[]): boolean {
  if (retypedCollectionAlong(doc, path) || aliasedAnchorAlong(doc, path) !== undefined) return false;
  const existing = nodeAt(doc, path);
  if (existing !== undefined) return isScalar(existing);
  let depth = path.length - 1;
  while (depth > 0 && nodeAt(doc, path.slice(0, depth)) === undefined) depth--;
  const parent = depth ? nodeAt(doc, path.slice(0, depth)) : doc.yaml.contents;
  return isMap(parent) || isEmptyScalar(parent);
}

/**
 * Whether mergeScenario can write this change into the spec as it stands (a value in the way of a key, a `main`
 * etcd cluster missing or without members to mirror, are what stop it), so the list of scenarios offers only those
 * the merge at resolve time will write.
 */
export function changeWritable(doc: YamlDocument, change: ScenarioChange, v: KopsVersion): boolean {
  if (changeDone(doc, change)) return true;
  switch (change.kind) {
    case 'ciliumBlock':
      return settable(doc, CILIUM_PATH);
    case 'set':
      return settable(doc, change.path);
    case 'ciliumEtcd': {
      const clusters = nodeAt(doc, ['spec', 'etcdClusters']);
      const hasCluster = isSeq(clusters) && clusters.items.some((c) => isMap(c) && c.get('name') === 'cilium');
      return (hasCluster || ciliumEtcdClusterWritable(doc, v)) && settable(doc, [...CILIUM_PATH, 'etcdManaged']);
    }
  }
}

/** The edits of one change on the current text: [] when the spec already says it, undefined when it cannot be written. */
function changeEdits(file: ParsedFile, doc: YamlDocument, change: ScenarioChange, v: KopsVersion): TextEdit[] | undefined {
  if (changeDone(doc, change)) return [];
  const editor = new YamlEditor(file, doc);
  const written = (edits: TextEdit[]) => (edits.length ? edits : undefined);
  switch (change.kind) {
    case 'ciliumBlock':
      return written(editor.set(CILIUM_PATH, '{}'));
    case 'set':
      return written(editor.set(change.path, change.value));
    case 'ciliumEtcd': {
      const result = ciliumEtcdEdits(file, doc, v);
      return 'edits' in result ? result.edits : undefined;
    }
  }
}

/** A scenario merged into a Cluster document: the file's text, and the merged document parsed on its own. */
export interface MergedScenario {
  text: string;
  doc: YamlDocument;
}

/**
 * The scenario merged into the file's Cluster document: existing keys set in place, missing ones added beside
 * their siblings. Undefined when a change cannot be written or would break the YAML. The document is edited on
 * its own (its parse reused), so each change reparses only it.
 */
export function mergeScenario(file: ParsedFile, doc: YamlDocument, scenario: CiliumScenario, v: KopsVersion): MergedScenario | undefined {
  // The document's text as the file has it: `doc.text` reads a lone CR as LF, which the merge would write back.
  let current = parseFile(file.text.slice(doc.offset, doc.offset + doc.text.length), { documents: [doc] });
  for (const change of scenario.changes) {
    const edits = changeEdits(current, current.documents[0], change, v);
    if (edits === undefined) return undefined;
    if (edits.length === 0) continue;
    current = parseFile(applyEdits(current, edits), current);
    if (current.documents.length !== 1 || current.documents[0].yaml.errors.length) return undefined;
  }
  return { text: file.text.slice(0, doc.offset) + current.text + file.text.slice(doc.offset + doc.text.length), doc: current.documents[0] };
}
