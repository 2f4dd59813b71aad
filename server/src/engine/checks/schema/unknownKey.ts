import { formatPath, type Finding, type PathSegment } from '../../types';
import { keySpan, keysAt, MERGE_KEY } from '../../document/yamlNav';
import { suggestKeys } from '../../kops/didYouMean';
import { docsLink, rangeFor, type SchemaContext } from './findingContext';
import { newerSources, schemaByName, schemaIn, schemaSource, specSchema, type SchemaSource } from '../../kops/schema/specSchema';
import { v1alpha3MayDefineKeyUnder } from '../../kops/schema/v1alpha3';

const where = (parent: readonly PathSegment[]): string => (parent.length ? `under ${formatPath(parent)}` : 'at the top level');

const quoteList = (keys: readonly string[]): string => {
  const quoted = keys.map((k) => `'${k}'`);
  return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
};

function firstNewerSchemaWith(ctx: SchemaContext, parent: readonly PathSegment[], key: string): SchemaSource | undefined {
  return newerSources(ctx.kind, ctx.v).find((source) => {
    const properties = schemaIn(schemaByName(source.name), parent)?.properties;
    return properties !== undefined && Object.prototype.hasOwnProperty.call(properties, key);
  });
}

/** A key the kops version's schema does not know. kops ignores such keys silently, so this is never an error. */
export function unknownKeyFinding(ctx: SchemaContext, parent: readonly PathSegment[], key: string): Finding | undefined {
  if (key === MERGE_KEY) return undefined;
  if (ctx.apiVersion === 'v1alpha3' && v1alpha3MayDefineKeyUnder(ctx.kind, parent)) return undefined;
  const path = [...parent, key];
  const range = rangeFor(ctx, keySpan(ctx.doc, path), path);
  if (!range) return undefined;
  const base = { path: formatPath(path), range, docs: docsLink(ctx.kind) };

  const newer = firstNewerSchemaWith(ctx, parent, key);
  if (newer) {
    const current = schemaSource(ctx.kind, ctx.v);
    // Between two CRD snapshots we cannot tell whether this release already had the key.
    const certain = ctx.v.major === 1 && ctx.v.minor <= current.minor;
    const version = ctx.v.text;
    return {
      ...base,
      code: 'schema-key-newer-kops',
      severity: certain ? 'warning' : 'information',
      message: certain
        ? `'${key}' ${where(parent)} is not known to kops ${version} (exists in kops ≥ ${newer.tag}'s schema), so kops ` +
          'ignores it. Upgrade kops to use it, or remove it.'
        : `'${key}' ${where(parent)} is not in kops ${current.tag}'s schema but is in ${newer.tag}'s; if it was added ` +
          `after ${version}, kops ${version} ignores it. Check the kops release notes.`,
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
      ? `kops ignores unknown key '${key}' ${where(parent)}; did you mean ${quoteList(suggestions)}?`
      : `kops ignores unknown key '${key}' ${where(parent)}; remove it or check its spelling and indentation.`,
    fixes: suggestions.map((name, i) => ({
      title: `Rename to '${name}'`,
      edits: [{ range, newText: name }],
      preferred: i === 0 && suggestions.length === 1,
    })),
  };
}
