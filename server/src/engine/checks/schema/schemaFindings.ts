import type { ParsedFile, YamlDocument } from '../../document/documents';
import type { KopsVersion } from '../../kops/releases';
import type { Finding } from '../../types';
import { plain } from '../../document/yamlNav';
import type { SchemaContext } from './findingContext';
import { specSchema } from '../../kops/schema/specSchema';
import { quantityFinding, typeFinding } from './typeMismatch';
import { unknownKeyFinding } from './unknownKey';
import { isRecord, shapeProblems, type ShapeProblem } from './shapeProblems';

function findingFor(ctx: SchemaContext, problem: ShapeProblem): Finding | undefined {
  switch (problem.kind) {
    case 'unknown-key':
      return unknownKeyFinding(ctx, problem.parent, problem.key);
    case 'type':
      return typeFinding(ctx, problem.path, problem.value, problem.types);
    case 'quantity':
      return quantityFinding(ctx, problem.path, problem.value);
  }
}

/**
 * Shape problems of one kops document against the schema of kops `v`: keys that release lacks (warnings: kops
 * ignores them) and values kops cannot decode (errors). spec.networking.cilium is left to the Cilium rules.
 * Documents with YAML syntax errors are skipped: their recovered structure is not what the author meant.
 */
export function schemaFindings(file: ParsedFile, doc: YamlDocument, v: KopsVersion): Finding[] {
  const identity = doc.kops;
  if (!identity || doc.yaml.errors.length > 0) return [];
  const root = plain(doc.yaml.contents, doc);
  if (!isRecord(root)) return [];
  const ctx: SchemaContext = { file, doc, v, kind: identity.kind, apiVersion: identity.apiVersion };
  const findings: Finding[] = [];
  for (const problem of shapeProblems(root, specSchema(identity.kind, v))) {
    const found = findingFor(ctx, problem);
    if (found) findings.push(found);
  }
  return findings;
}
