import { isAbsolute, relative, resolve, sep } from 'path';
import { pathToFileURL } from 'url';
import { FINDING_CODES, type Finding, type FindingCode, type Severity } from '../engine';
import type { FileReport } from './checkFiles';
import { TOOL_NAME } from '../toolInfo';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const BASE_ID = 'SRCROOT';

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  helpUri?: string;
}

/** Artifact location relative to `cwd` when the file is under it, else an absolute file URI. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = relative(cwd, resolve(cwd, file));
  if (rel && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)) {
    return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: BASE_ID };
  }
  return { uri: pathToFileURL(resolve(cwd, file)).href };
}

/** A rule's help link: the one its findings share, else the code's own page (per-result links stay in properties). */
function helpUri(code: FindingCode, findings: readonly Finding[]): string | undefined {
  const links = [...new Set(findings.map((f) => f.docs).filter((d): d is string => !!d))];
  if (links.length <= 1) return links[0];
  return FINDING_CODES[code].docs ?? links[0];
}

function rulesOf(reports: readonly FileReport[]): SarifRule[] {
  const byCode = new Map<FindingCode, Finding[]>();
  for (const r of reports) {
    for (const f of r.findings) {
      const same = byCode.get(f.code);
      if (same) same.push(f);
      else byCode.set(f.code, [f]);
    }
  }
  return [...byCode.keys()].sort().map((id) => {
    const findings = byCode.get(id)!;
    const help = helpUri(id, findings);
    return { id, shortDescription: { text: FINDING_CODES[id].title }, ...(help ? { helpUri: help } : {}) };
  });
}

/** SARIF 2.1.0 log with one run; regions are 1-based, columns in UTF-16 code units (SARIF's default). */
export function formatSarif(reports: readonly FileReport[], cwd: string, version: string): string {
  const rules = rulesOf(reports);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = reports.flatMap((report) =>
    report.findings.map((f) => ({
      ruleId: f.code,
      ruleIndex: index.get(f.code)!,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(report.file, cwd),
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
            },
          },
        },
      ],
      properties: {
        path: f.path,
        kopsVersion: report.kopsVersion,
        ...(f.docs ? { docs: f.docs } : {}),
        ...(f.kops ? { kops: f.kops } : {}),
      },
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version, rules } },
        originalUriBaseIds: { [BASE_ID]: { uri: pathToFileURL(cwd.endsWith(sep) ? cwd : cwd + sep).href } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
