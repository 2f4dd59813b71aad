import { strict as assert } from 'assert';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { codeActions } from '../../server/src/engine/features/codeActions';
import { complete } from '../../server/src/engine/features/completion';
import { acceptCompletion, runScenarioCommand } from '../helpers/acceptCompletion';
import { diagnose } from '../../server/src/engine/checks/diagnostics';
import { parseFile } from '../../server/src/engine/document/documents';
import { ciliumEncryptionInfo } from '../../server/src/engine/features/ciliumEncryption';
import { insertCiliumEtcd } from '../../server/src/engine/features/etcd';
import { effectiveKopsVersion } from '../../server/src/engine/kops/effectiveVersion';
import type { ErrorSink } from '../../server/src/engine/errorBoundary';
import { kopsFixture, REPO_ROOT } from '../helpers/fixturePaths';

const FOLDERS = [
  kopsFixture('validation-cases'),
  kopsFixture('validation-cases-spec'),
  kopsFixture('specs'),
  join(REPO_ROOT, 'samples'),
  join(REPO_ROOT, 'test', 'cases'),
  join(REPO_ROOT, 'test', 'cases-spec'),
];

const yamlFiles = (folder: string): string[] =>
  readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => join(folder, name));

/** Real specs, where the scenario items are offered too (on a line typed right under `spec:` of every Cluster). */
const SCENARIO_FOLDERS = [kopsFixture('specs'), join(REPO_ROOT, 'samples')];

const withTypedScenarioLine = (text: string): string => text.replace(/^spec:\n/gm, 'spec:\n  kops-cilium\n');

describe('the edit guard on the shared cases and samples', () => {
  it('withholds none of the code actions, command edits and scenario items offered on them', () => {
    const withheld: string[] = [];
    let offered = 0;
    let scenarioItems = 0;
    for (const path of FOLDERS.flatMap(yamlFiles)) {
      const name = path.slice(REPO_ROOT.length + 1);
      const sink: ErrorSink = (error) => withheld.push(`${name}: ${(error as Error).message}`);
      const text = readFileSync(path, 'utf8');
      const file = parseFile(text);
      const eff = effectiveKopsVersion(file, {});
      const findings = diagnose(file, eff);
      for (const finding of findings) offered += codeActions(file, eff, finding.range, findings, ['source.fixAll'], sink).length;
      for (const doc of file.documents.filter((d) => d.kops?.kind === 'Cluster')) {
        const at = file.lines.positionAt(doc.offset);
        if ('edits' in insertCiliumEtcd(file, eff, at, sink)) offered++;
        if (ciliumEncryptionInfo(file, eff, at, sink).settingsEdits.length) offered++;
      }
      if (!SCENARIO_FOLDERS.some((folder) => path.startsWith(folder))) continue;
      const typed = parseFile(withTypedScenarioLine(text));
      const lines = typed.text.split('\n');
      lines.forEach((line, i) => {
        if (line !== '  kops-cilium') return;
        const pos = { line: i, character: line.length };
        for (const item of complete(typed, pos, eff)) {
          if (item.scenario === undefined) continue;
          const emptied = acceptCompletion(typed.text, typed.lines.offsetAt(pos), item);
          if (runScenarioCommand(emptied, item, {}, sink) !== emptied) scenarioItems++;
        }
      });
    }
    assert.ok(
      offered > 400 && scenarioItems > 50,
      `only ${offered} actions and commands, ${scenarioItems} scenario items: the sweep would prove little`,
    );
    assert.deepEqual(withheld, []);
  });
});
