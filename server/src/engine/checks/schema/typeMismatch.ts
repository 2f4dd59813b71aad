import { isScalar, Scalar } from 'yaml';
import { formatPath, type Finding, type Fix, type PathSegment } from '../../types';
import { nodeAt, valueSpan } from '../../document/yamlNav';
import { docsLink, rangeFor, type SchemaContext } from './findingContext';
import { v1alpha3MayRetype } from '../../kops/schema/v1alpha3';
import { yaml11Accepts } from '../../document/yaml11';
import type { FindingCode } from '../../findingCodes';

const EXPECTED: Record<string, string> = {
  string: 'a string',
  boolean: 'true or false',
  integer: 'a whole number',
  number: 'a number',
  object: 'a map of keys',
  array: 'a list',
};

function expectedText(types: readonly string[]): string {
  if (types.includes('number') && types.includes('string')) return 'a quantity such as 250m, 0.5 or 128Mi';
  return types.map((t) => EXPECTED[t] ?? t).join(' or ');
}

function actualText(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- what is left of a JSON value here is a number
  return `the number ${String(value)}`;
}

/** A bare word where a map belongs is usually a key being typed. */
const keyHint = (value: unknown, types: readonly string[]): string =>
  types.includes('object') && typeof value === 'string' && /^[A-Za-z][\w.-]*$/.test(value)
    ? ` To add the key '${value}', write '${value}: <value>' on its own line.`
    : '';

interface ValueFix {
  title: string;
  hint: string;
  newText: string;
}

/** Rewrites that make the scalar decode: quote a number/boolean for a string field, unquote a literal for the others. */
function scalarFix(source: string, value: unknown, types: readonly string[]): ValueFix | undefined {
  if (types.includes('string') && (typeof value === 'number' || typeof value === 'boolean')) {
    const quoted = JSON.stringify(source);
    return { title: 'Quote the value', hint: `Quote it: ${quoted}.`, newText: quoted };
  }
  if (typeof value !== 'string') return undefined;
  const literal = value.trim();
  const fits =
    (types.includes('boolean') && /^(true|false)$/.test(literal)) ||
    ((types.includes('integer') || types.includes('number')) && /^-?\d+$/.test(literal)) ||
    (types.includes('number') && /^-?\d*\.\d+$/.test(literal));
  return fits ? { title: 'Remove the quotes', hint: `Remove the quotes: ${literal}.`, newText: literal } : undefined;
}

function valueFinding(
  ctx: SchemaContext,
  path: readonly PathSegment[],
  code: FindingCode,
  message: string,
  fix?: ValueFix,
): Finding | undefined {
  const span = valueSpan(ctx.doc, path);
  const range = rangeFor(ctx, span, path);
  if (!range) return undefined;
  const fixes: Fix[] | undefined =
    fix && span ? [{ title: fix.title, edits: [{ range, newText: fix.newText }], preferred: true, fixAllSafe: true }] : undefined;
  return { code, path: formatPath(path), range, severity: 'error', message, docs: docsLink(ctx.kind), fixes };
}

/** The YAML source of a scalar, and whether it was written unquoted. */
function scalarSource(ctx: SchemaContext, path: readonly PathSegment[]): { text: string; plain: boolean } | undefined {
  const node = nodeAt(ctx.doc, path);
  if (!isScalar(node) || !node.range) return undefined;
  return { text: ctx.doc.text.slice(node.range[0], node.range[1]), plain: node.type === Scalar.PLAIN };
}

/** A value of the wrong JSON type: kops' decoder rejects the whole document. */
export function typeFinding(
  ctx: SchemaContext,
  path: readonly PathSegment[],
  value: unknown,
  types: readonly string[],
): Finding | undefined {
  if (value === null || value === undefined) return undefined; // null decodes as "not set"
  if (ctx.apiVersion === 'v1alpha3' && v1alpha3MayRetype(ctx.kind, path)) return undefined;
  const source = scalarSource(ctx, path);
  if (source?.plain && yaml11Accepts(source.text, types)) return undefined;
  const fix = source && scalarFix(source.text, value, types);
  const what = `${formatPath(path)} must be ${expectedText(types)}, not ${actualText(value)}`;
  const message = `${what}; kops cannot decode this ${ctx.kind}.${fix ? ` ${fix.hint}` : keyHint(value, types)}`;
  return valueFinding(ctx, path, 'schema-type', message, fix);
}

/** A string that is not a Kubernetes quantity where kops expects one (cpuRequest, memoryLimit, …). */
export function quantityFinding(ctx: SchemaContext, path: readonly PathSegment[], value: unknown): Finding | undefined {
  if (typeof value !== 'string' || value !== value.trim()) return undefined; // kops trims before parsing
  const example = 'such as 250m, 0.5, 2 or 128Mi';
  const message = `${formatPath(path)} must be a Kubernetes quantity ${example}; kops cannot parse ${JSON.stringify(value)}.`;
  return valueFinding(ctx, path, 'schema-quantity', message);
}
