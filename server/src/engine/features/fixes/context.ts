import { documentAt, type KopsApiVersion, type ParsedFile, type YamlDocument } from '../../document/documents';
import type { KopsVersion } from '../../kops/releases';
import type { Finding, Fix, PathSegment } from '../../types';
import { YamlEditor } from '../../document/yamlEdit';
import { pathStartingAt } from '../../document/yamlNav';

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

/** A name or value from the file inside a fix title, cut so the title stays one short plain line. */
export const titlePart = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
