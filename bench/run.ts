// `npm run bench`: builds kops-spec, installs yaml-language-server if missing, regenerates the
// fixtures, measures both servers on every fixture plus the CLI, prints the tables and saves
// bench/results/<timestamp>.json.
// options: --runs N (default 50)  --only small,large,workspace  --servers ours,yls  --no-build
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDeps } from './deps';
import { timeCli } from './lib/cliTiming';
import { measureGuardCost } from './lib/guardCost';
import { measureNodeFloor } from './lib/nodeFloor';
import { formatReport, type BenchResult, type Machine } from './lib/report';
import { oursServer, ROOT, yamlLanguageServer, type ServerId, type ServerSpec } from './lib/servers';
import { measureFixture, type RunOptions } from './lib/session';
import { checkTargets } from './lib/targets';
import { measureCrossFile } from './lib/crossFile';
import { writeWorkspace } from './workspaceFixture';
import { KOPS_FIXTURES } from '../test/helpers/fixturePaths';
import { FIXTURES_DIR, writeFixtures } from './mkfixtures';

const RESULTS_DIR = path.join(ROOT, 'bench', 'results');

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
}
const log = (line: string) => console.error(line);

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGB: +(os.totalmem() / 2 ** 30).toFixed(1),
    loadAverage1m: +os.loadavg()[0].toFixed(2),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    commit: git(['rev-parse', '--short', 'HEAD']),
    worktreeDirty: git(['status', '--porcelain']) !== '',
  };
}

function build(): string | undefined {
  if (process.argv.includes('--no-build'))
    return fs.existsSync(path.join(ROOT, 'dist', 'server.js')) ? undefined : 'no dist/server.js (--no-build)';
  try {
    // minified, as the .vsix and the npm package ship it
    execFileSync(process.execPath, ['scripts/build.mjs', '--minify'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    return undefined;
  } catch (e) {
    const stderr = String((e as { stderr?: Buffer }).stderr ?? '')
      .trim()
      .split('\n')
      .find((l) => /error/i.test(l));
    return `build failed: ${stderr ?? (e as Error).message.split('\n')[0]}`.slice(0, 160);
  }
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  const runs = Number(option('runs') ?? 50);
  const opts: RunOptions = { runs, editRuns: Math.min(runs, 20), coldStarts: 3, warmOpens: 5, budget: { ms: 30_000, minSamples: 10 } };
  const wanted = new Set((option('servers') ?? 'ours,yls').split(',') as ServerId[]);

  log('building kops-spec (scripts/build.mjs --minify) …');
  const oursProblem = build();
  const ylsProblem = wanted.has('yls') ? ensureDeps(log) : undefined;
  const servers: BenchResult['servers'] = {
    ours: { label: 'kops-spec', skipped: wanted.has('ours') ? oursProblem : 'not selected' },
    yls: { label: 'yaml-language-server', skipped: wanted.has('yls') ? ylsProblem : 'not selected' },
  };
  const specs: ServerSpec[] = [oursServer(), yamlLanguageServer()].filter((s) => !servers[s.id].skipped);

  const only = option('only')?.split(',');
  const fixtures = writeFixtures().filter((f) => !only || only.includes(f.name));
  const result: BenchResult = {
    startedAt,
    machine: machine(),
    options: { ...opts },
    servers,
    fixtures: [],
    cli: { wallMs: { na: 'not run' }, files: 0 },
    targets: [],
  };
  const large = fixtures.find((f) => f.name === 'large');
  if (large) {
    log('edit guard (in process) …');
    result.editGuard = measureGuardCost(fs.readFileSync(path.join(FIXTURES_DIR, large.file), 'utf8'));
  }

  for (const fixture of fixtures) {
    const runsBy: BenchResult['fixtures'][number]['runs'] = {};
    const loadAverage1m = +os.loadavg()[0].toFixed(2);
    for (const spec of specs) {
      log(`${fixture.name} (${fixture.lines} lines): ${spec.label} …`);
      runsBy[spec.id] = await measureFixture(spec, fixture, FIXTURES_DIR, opts);
    }
    result.fixtures.push({ fixture, loadAverage1m, runs: runsBy });
  }
  if (!servers.ours.skipped && (!only || only.includes('workspace'))) {
    const workspace = writeWorkspace();
    const loadAverage1m = +os.loadavg()[0].toFixed(2);
    log(`cross-file workspace (${workspace.files} files): kops-spec …`);
    const metrics = await measureCrossFile(oursServer(), workspace, { coldStarts: 5, editRuns: opts.editRuns, budget: opts.budget });
    result.crossFile = { files: workspace.files, loadAverage1m, metrics };
  }
  result.machine.loadAverage1mAtEnd = +os.loadavg()[0].toFixed(2);
  log('node alone …');
  result.nodeFloor = await measureNodeFloor(10);
  log('CLI …');
  result.cli = servers.ours.skipped ? { wallMs: { na: servers.ours.skipped }, files: 0 } : await timeCli(KOPS_FIXTURES, 5);

  const byName = new Map(result.fixtures.map((f) => [f.fixture.name, f.runs]));
  result.targets = checkTargets({
    metric: (fixture, server, name) => byName.get(fixture)?.[server]?.metrics[name],
    crossFile: (name) => result.crossFile?.metrics[name],
    cli: result.cli,
  });

  console.log(formatReport(result));
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${startedAt.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  log(`\nsaved ${path.relative(process.cwd(), file)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
