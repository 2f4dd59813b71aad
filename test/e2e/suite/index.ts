// extensionTestsPath entry: VS Code's extension host requires this file and awaits run().
// Compiled with the tests by scripts/e2e-build.mjs into out/e2e/.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { format } from 'util';

/** The workbench forwards the whole extension-host console; the harness shows only lines with this mark. */
const MARK = '[e2e] ';
const print = console.log;
(Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void }).consoleLog = (...args) => print(MARK + format(...args));

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, slow: 2_000 });
  const grep = process.env.E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const file of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = { passed: runner.stats?.passes ?? 0, failed: failures, pending: runner.stats?.pending ?? 0 };
      // The harness (test/e2e/harness/exthost.mjs) parses this line to count the suite.
      print(`[e2e-result] ${JSON.stringify(stats)}`);
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
  });
}
