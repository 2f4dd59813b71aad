import type { ErrorObject } from 'ajv';
import type { ParsedFile, YamlDocument } from '../../document/documents';
import type { KopsVersion } from '../../kops/releases';
import type { Finding, PathSegment } from '../../types';
import { plain } from '../../document/yamlNav';
import type { SchemaContext } from './findingContext';
import { validatorFor } from '../../kops/schema/specSchema';
import { quantityFinding, typeFinding } from './typeMismatch';
import { unknownKeyFinding } from './unknownKey';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Ajv's JSON pointer as a document path (list indexes as numbers), with the value found there. */
export function pointerPath(pointer: string, root: unknown): { path: PathSegment[]; value: unknown } {
  const path: PathSegment[] = [];
  let value = root;
  for (const raw of pointer ? pointer.slice(1).split('/') : []) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(value)) {
      path.push(Number(key));
      value = value[Number(key)];
    } else {
      path.push(key);
      value = isRecord(value) ? value[key] : undefined;
    }
  }
  return { path, value };
}

function findingFor(ctx: SchemaContext, error: ErrorObject, root: unknown): Finding | undefined {
  const { path, value } = pointerPath(error.instancePath, root);
  switch (error.keyword) {
    case 'additionalProperties':
      return unknownKeyFinding(ctx, path, String(error.params.additionalProperty));
    case 'type': {
      const types = error.params.type as string | string[];
      return typeFinding(ctx, path, value, Array.isArray(types) ? types : String(types).split(','));
    }
    case 'pattern':
      return quantityFinding(ctx, path, value);
    default:
      return undefined;
  }
}

/**
 * Shape problems of one kops document against the CRD schema of kops `v`: unknown keys (warnings: kops ignores
 * them) and values kops cannot decode (errors). spec.networking.cilium is left to the Cilium rules. Documents with
 * YAML syntax errors are skipped: their recovered structure is not what the author meant.
 */
export function schemaFindings(file: ParsedFile, doc: YamlDocument, v: KopsVersion): Finding[] {
  const identity = doc.kops;
  if (!identity || doc.yaml.errors.length > 0) return [];
  const root = plain(doc.yaml.contents, doc);
  if (!isRecord(root)) return [];
  const validate = validatorFor(identity.kind, v);
  if (validate(root) || !validate.errors) return [];
  const ctx: SchemaContext = { file, doc, v, kind: identity.kind, apiVersion: identity.apiVersion };
  const findings: Finding[] = [];
  for (const error of validate.errors) {
    const found = findingFor(ctx, error, root);
    if (found) findings.push(found);
  }
  return findings;
}
