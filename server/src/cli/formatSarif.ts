import { isAbsolute, relative, resolve, sep } from 'path';
import { pathToFileURL } from 'url';
import type { Finding, Severity } from '../engine/types';
import type { FileReport } from './checkFiles';
import { describeCode } from './codeDescriptions';
import { TOOL_NAME } from './toolInfo';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const BASE_ID = 'SRCROOT';

interface SarifRule { id: string; shortDescription: { text: string }; helpUri?: string }

/** Artifact location relative to `cwd` when the file is under it, else an absolute file URI. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = relative(cwd, resolve(cwd, file));
  if (rel && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)) {
    return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: BASE_ID };
  }
  return { uri: pathToFileURL(resolve(cwd, file)).href };
}

function rulesOf(reports: readonly FileReport[]): SarifRule[] {
  const byId = new Map<string, Finding>();
  for (const r of reports) for (const f of r.findings) if (!byId.has(f.code) || (!byId.get(f.code)!.docs && f.docs)) byId.set(f.code, f);
  return [...byId.keys()].sort().map((id) => {
    const example = byId.get(id)!;
    return { id, shortDescription: { text: describeCode(id) ?? example.message }, ...(example.docs ? { helpUri: example.docs } : {}) };
  });
}

/** SARIF 2.1.0 log with one run; regions are 1-based, columns in UTF-16 code units (SARIF's default). */
export function formatSarif(reports: readonly FileReport[], cwd: string, version: string): string {
  const rules = rulesOf(reports);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = reports.flatMap((report) => report.findings.map((f) => ({
    ruleId: f.code,
    ruleIndex: index.get(f.code)!,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{
      physicalLocation: {
        artifactLocation: artifactLocation(report.file, cwd),
        region: {
          startLine: f.range.start.line + 1,
          startColumn: f.range.start.character + 1,
          endLine: f.range.end.line + 1,
          endColumn: f.range.end.character + 1,
        },
      },
    }],
    properties: { path: f.path, kopsVersion: report.kopsVersion, ...(f.kops ? { kops: f.kops } : {}) },
  })));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: TOOL_NAME, version, rules } },
      originalUriBaseIds: { [BASE_ID]: { uri: pathToFileURL(cwd.endsWith(sep) ? cwd : cwd + sep).href } },
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
