import { formatPath, type Finding, type PathSegment } from '../../types';
import { keySpan, keysAt, MERGE_KEY } from '../../document/yamlNav';
import { suggestKeys } from '../../kops/didYouMean';
import { docsLink, rangeFor, type SchemaContext } from './findingContext';
import { schemaIn, specSchema } from '../../kops/schema/specSchema';
import { keyReleases } from '../../kops/knowledge/keyReleases';
import { rangesText } from '../../kops/knowledge/releaseRanges';
import { compareKops, releaseName } from '../../kops/releases';
import { v1alpha3MayDefineKeyUnder } from '../../kops/schema/v1alpha3';
import { fitted, shortText } from '../rules/shortText';

const where = (parent: readonly PathSegment[]): string => (parent.length ? `under ${formatPath(parent)}` : 'at the top level');

const quoteList = (keys: readonly string[]): string => {
  const quoted = keys.map((k) => `'${k}'`);
  return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
};

/** A key the kops version's schema does not know. kops ignores such keys silently, so this is never an error. */
export function unknownKeyFinding(ctx: SchemaContext, parent: readonly PathSegment[], key: string): Finding | undefined {
  if (key === MERGE_KEY) return undefined;
  if (ctx.apiVersion === 'v1alpha3' && v1alpha3MayDefineKeyUnder(ctx.kind, parent)) return undefined;
  const path = [...parent, key];
  const range = rangeFor(ctx, keySpan(ctx.doc, path), path);
  if (!range) return undefined;
  const base = { path: formatPath(path), range, docs: docsLink(ctx.kind) };

  const releases = keyReleases(ctx.kind, ctx.v, parent, key);
  if (releases?.length) {
    const version = ctx.v.text;
    const arrives = releases.find(([from]) => compareKops(ctx.v, from) < 0)?.[0];
    const removed = [...releases].reverse().find(([, until]) => until !== undefined && compareKops(ctx.v, until) >= 0)?.[1];
    const has = `kops has it ${rangesText(releases)}`;
    const why = arrives
      ? removed
        ? `kops removed it in ${releaseName(removed)} and brought it back in ${releaseName(arrives)}`
        : `it arrives in kops ${releaseName(arrives)}`
      : `kops removed it in ${releaseName(removed ?? version)}`;
    return {
      ...base,
      code: arrives ? 'schema-key-newer-kops' : 'schema-key-removed',
      severity: 'warning',
      message: fitted(`kops ${version} ignores '${shortText(key)}' ${where(parent)}: ${why}`, ` (${has})`),
    };
  }

  // A key already present is no rename target: renaming onto it would make a duplicate key.
  const present = keysAt(ctx.doc, parent);
  const known = Object.keys(schemaIn(specSchema(ctx.kind, ctx.v), parent)?.properties ?? {}).filter((k) => !present.has(k));
  const suggestions = suggestKeys(key, known);
  return {
    ...base,
    code: 'schema-unknown-key',
    severity: 'warning',
    message: suggestions.length
      ? `kops ignores unknown key '${shortText(key)}' ${where(parent)}; did you mean ${quoteList(suggestions)}?`
      : `kops ignores unknown key '${shortText(key)}' ${where(parent)}; remove it or check its spelling and indentation.`,
    fixes: suggestions.map((name, i) => ({
      title: `Rename to ${name}`,
      edits: [{ range, newText: name }],
      preferred: i === 0 && suggestions.length === 1,
    })),
  };
}
