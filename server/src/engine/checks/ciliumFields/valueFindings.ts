import { isScalar, type Node, type Pair } from 'yaml';
import type { CiliumField } from '../../kops/catalog/ciliumFields';
import { formatPath, type Finding, type PathSegment } from '../../types';
import { docsFor, rangeOf, type CiliumContext } from './context';
import { typeProblems, type TypeProblem } from './valueTypes';
import { kopsScalarKind } from './yamlScalars';
import { shortText } from '../rules/shortText';

function typeFinding(ctx: CiliumContext, field: CiliumField, path: PathSegment[], problem: TypeProblem): Finding | undefined {
  const range = rangeOf(ctx, problem.node);
  if (!range) return undefined;
  const quote =
    problem.quotable !== undefined
      ? [
          {
            title: `Quote ${shortText(problem.quotable, 60)}`,
            edits: [{ range, newText: JSON.stringify(problem.quotable) }],
            preferred: true,
          },
        ]
      : [];
  return {
    code: 'cilium-type',
    path: formatPath([...path, ...problem.below]),
    range,
    severity: 'error',
    message: problem.message,
    docs: docsFor(ctx, field.path),
    ...(quote.length ? { fixes: quote } : {}),
  };
}

/** Enumerations kops only documents: any value passes kops, but Cilium may reject or ignore it. */
function documentedEnumFinding(ctx: CiliumContext, pair: Pair, field: CiliumField, path: PathSegment[]): Finding | undefined {
  const node = pair.value;
  if (!field.enumValues || field.enumEnforced || !isScalar(node) || kopsScalarKind(node) !== 'string') return undefined;
  const value = String(node.value);
  const range = rangeOf(ctx, node);
  if (field.enumValues.includes(value) || !range) return undefined;
  const key = String(path[path.length - 1]);
  return {
    code: 'cilium-enum',
    path: formatPath(path),
    range,
    severity: 'warning',
    message: `kops ${ctx.v.text} passes ${key} "${shortText(value)}" to Cilium unchecked, but Cilium documents only ${field.enumValues.join(', ')}: use one of those.`,
    docs: docsFor(ctx, field.path),
    fixes: field.enumValues.map((choice) => ({ title: `Change to ${choice}`, edits: [{ range, newText: choice }] })),
  };
}

/** Type errors (kops cannot decode the spec) and documented-only enum mismatches of one known key. */
export function valueFindings(ctx: CiliumContext, pair: Pair, field: CiliumField, path: PathSegment[]): Finding[] {
  const key = String(path[path.length - 1]);
  const problems = typeProblems(pair.value as Node | null, key, field.type);
  if (problems.length) return problems.map((p) => typeFinding(ctx, field, path, p)).filter((f): f is Finding => !!f);
  const enumFinding = documentedEnumFinding(ctx, pair, field, path);
  return enumFinding ? [enumFinding] : [];
}
