import { isMap, isSeq } from 'yaml';
import type { YamlDocument } from './documents';
import { nodesAlong } from './yamlNav';
import type { PathSegment } from '../types';

const MAP_TAG = 'tag:yaml.org,2002:map';
const SEQ_TAG = 'tag:yaml.org,2002:seq';

/** A collection whose tag makes it something other than the plain mapping or sequence it is written as. */
function retyped(node: unknown): boolean {
  if (isMap(node)) return node.tag !== undefined && node.tag !== MAP_TAG;
  return isSeq(node) && node.tag !== undefined && node.tag !== SEQ_TAG;
}

/**
 * Whether a collection from the document root down to `path`'s node (included, as far as the path exists) carries
 * a tag that gives it another meaning: `!!set` (keys without values), `!!omap` and `!!pairs` (one-key mappings),
 * `!!str`, a local `!tag`. What is written under it must follow that tag's rules, which a value or key added as
 * to a plain mapping breaks.
 */
export function retypedCollectionAlong(doc: YamlDocument, path: readonly PathSegment[]): boolean {
  return nodesAlong(doc, path).some(retyped);
}
