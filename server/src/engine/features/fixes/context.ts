import { isMap, isSeq, type Node } from 'yaml';
import { documentAt, type KopsApiVersion, type ParsedFile, type YamlDocument } from '../../document/documents';
import type { KopsVersion } from '../../kops/releases';
import type { Finding, Fix, PathSegment } from '../../types';
import { YamlEditor } from '../../document/yamlEdit';
import { keyName, spanOf } from '../../document/yamlNav';

/** Everything a fixer needs: the finding, its document, an editor on that document and the kops version. */
export interface FixContext {
  file: ParsedFile;
  doc: YamlDocument;
  api: KopsApiVersion;
  v: KopsVersion;
  finding: Finding;
  /** The path the finding is written on; keys a fix adds go beside it. */
  near: PathSegment[];
  edit: YamlEditor;
}

export type Fixer = (ctx: FixContext) => Fix[];

export function fixContext(file: ParsedFile, v: KopsVersion, finding: Finding): FixContext | undefined {
  const doc = documentAt(file, file.lines.offsetAt(finding.range.start));
  if (!doc?.kops) return undefined;
  const near = pathStartingAt(doc, file.lines.offsetAt(finding.range.start) - doc.offset)?.path ?? parsePath(finding.path);
  return { file, doc, api: doc.kops.apiVersion, v, finding, near, edit: new YamlEditor(file, doc, near) };
}

/** Document offset of the finding's start. */
export const findingOffset = (ctx: FixContext): number => ctx.file.lines.offsetAt(ctx.finding.range.start) - ctx.doc.offset;

/**
 * Path of the key (or of the value) that starts at `offset`, found by walking the parsed document, so keys
 * that contain dots are never misread.
 */
export function pathStartingAt(doc: YamlDocument, offset: number): { path: PathSegment[]; at: 'key' | 'value' } | undefined {
  const walk = (node: unknown, path: PathSegment[]): { path: PathSegment[]; at: 'key' | 'value' } | undefined => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const name = keyName(pair);
        const key = spanOf(pair.key as Node);
        if (name === undefined) continue;
        if (key && key[0] === offset) return { path: [...path, name], at: 'key' };
        const value = spanOf(pair.value as Node | null);
        if (value && value[0] === offset && !isMap(pair.value) && !isSeq(pair.value)) return { path: [...path, name], at: 'value' };
        if (value && value[0] <= offset && offset < value[1]) return walk(pair.value, [...path, name]);
      }
    } else if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        const span = spanOf(node.items[i] as Node);
        if (span && span[0] <= offset && offset < span[1]) return walk(node.items[i], [...path, i]);
      }
    }
    return undefined;
  };
  return walk(doc.yaml.contents, []);
}

/** `spec.etcdClusters[2].name` → ['spec', 'etcdClusters', 2, 'name'] (rule paths; keys without dots). */
export function parsePath(text: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const part of text.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return [];
    if (m[1]) out.push(m[1]);
    for (const index of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(index[1]));
  }
  return out;
}

/** One fix, or none when the editor could not place its edits. */
export function fix(title: string, edits: Fix['edits'], extra: Omit<Fix, 'title' | 'edits'> = {}): Fix[] {
  return edits.length ? [{ title, edits, ...extra }] : [];
}
