// CPU time of the server's work per keystroke, in process (process.cpuUsage, so a busy machine inflates it far
// less than wall time): the edit of the bench (a trailing space toggled on `  channel: stable`), its reparse and
// diagnostics, completion in `cilium:` and a hover, through the same classes the server uses.
// `--whole-file` checks every document on every keystroke before the completion is answered, as the server did
// before the findings cache. usage: tsx bench/keystroke.ts [--only large,stream50k] [--runs 60] [--whole-file]
import fs from 'node:fs';
import path from 'node:path';
import { DiagnosticsService } from '../server/src/session/diagnosticsService';
import { FileStore, type TextSource } from '../server/src/session/fileStore';
import { complete, diagnose, effectiveKopsVersion, hover, rethrow } from '../server/src/engine';
import { FIXTURES_DIR, writeFixtures } from './mkfixtures';

const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
};
const wholeFile = process.argv.includes('--whole-file');
const runs = Number(option('runs') ?? 60);
const only = option('only')?.split(',');

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
function timed<T>(samples: number[], fn: () => T): T {
  const t0 = cpuMs();
  const result = fn();
  samples.push(cpuMs() - t0);
  return result;
}
const stat = (samples: number[]) => {
  const sorted = samples.slice(10).sort((a, b) => a - b); // the first ten warm the JIT
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)];
  return `${at(0.5).toFixed(2)} / ${at(0.9).toFixed(2)}`;
};

async function main(): Promise<void> {
  console.log(
    `CPU ms per keystroke, median / p90 over ${runs - 10} edits (${wholeFile ? 'every document checked per keystroke' : 'findings cache'})`,
  );
  for (const fixture of writeFixtures()) {
    if (only && !only.includes(fixture.name)) continue;
    const lines = fs.readFileSync(path.join(FIXTURES_DIR, fixture.file), 'utf8').split('\n');
    let doc: TextSource = { version: 1, getText: () => lines.join('\n') };
    const store = new FileStore(() => doc);
    const service = new DiagnosticsService(store, () => ({}), rethrow);
    store.opened('f', doc.getText().length);
    await service.check('f');
    const editToDiagnostics: number[] = [];
    const completionAfterEdit: number[] = [];
    const hovers: number[] = [];
    for (let i = 0; i < runs; i++) {
      const edited = [...lines];
      if (i % 2 === 0) edited[fixture.edit.line] += ' ';
      const text = edited.join('\n');
      doc = { version: doc.version + 1, getText: () => text };
      store.changed('f', 1);
      let t0 = cpuMs();
      const { file } = (await store.ready('f'))!; // reparses the edited document
      const parsed = cpuMs() - t0;
      const eff = effectiveKopsVersion(file, {});
      t0 = cpuMs();
      if (wholeFile) diagnose(file, eff);
      else await service.check('f');
      const checked = cpuMs() - t0;
      t0 = cpuMs();
      complete(file, fixture.complete, eff);
      const completed = cpuMs() - t0;
      editToDiagnostics.push(parsed + checked);
      // the completion waited for the whole-file diagnostics; now it goes first and waits for the parse only
      completionAfterEdit.push(parsed + completed + (wholeFile ? checked : 0));
      timed(hovers, () => hover(file, fixture.hover, eff));
    }
    console.log(
      `${fixture.name.padEnd(10)} edit → diagnostics ${stat(editToDiagnostics)}  completion after an edit ${stat(completionAfterEdit)}  hover ${stat(hovers)}`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
