// Profiles our stdio server (node --cpu-prof) through the full bench session on one fixture and prints
// where the CPU time went. Raw profiles stay in bench/.deps/profiles/ (git-ignored); the summary is
// saved as bench/results/<timestamp>-profile-<fixture>.json.
// usage: tsx bench/profile.ts [--fixture large] [--runs 50] [--top 20] [--no-build]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { summarise, type FunctionCost } from './lib/cpuProfile';
import { DEPS_DIR, oursServer, ROOT } from './lib/servers';
import { measureFixture } from './lib/session';
import { fmt, formatMs } from './lib/stats';
import { FIXTURES_DIR, writeFixtures } from './mkfixtures';

const option = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : process.argv[i + 1];
};

function table(title: string, rows: FunctionCost[], key: 'selfMs' | 'totalMs', busyMs: number): string {
  const lines = rows.map(
    (c) => `${fmt(c[key]).padStart(9)} ms ${((100 * c[key]) / busyMs).toFixed(1).padStart(5)} %  ${c.name} (${c.module})`,
  );
  return [title, ...lines].join('\n');
}

async function main(): Promise<void> {
  const fixtureName = option('fixture', 'large');
  const runs = Number(option('runs', '50'));
  const top = Number(option('top', '20'));
  if (!process.argv.includes('--no-build')) execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const fixture = writeFixtures().find((f) => f.name === fixtureName);
  if (!fixture) throw new Error(`no fixture ${fixtureName}`);

  const profileDir = path.join(DEPS_DIR, 'profiles', `${Date.now()}`);
  fs.mkdirSync(profileDir, { recursive: true });
  const spec = oursServer(['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-interval=200']);
  const run = await measureFixture(spec, fixture, FIXTURES_DIR, {
    runs,
    editRuns: Math.min(runs, 20),
    coldStarts: 1,
    warmOpens: 5,
    budget: { ms: 60_000, minSamples: 10 },
    exitGraceMs: 20_000,
  });
  for (const [name, m] of Object.entries(run.metrics)) console.log(`${name.padEnd(26)} ${formatMs(m, name === 'peakRssMB' ? 'MB' : 'ms')}`);

  const file = fs.readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`the server wrote no profile into ${profileDir} (did it exit on 'exit'?)`);
  const summary = summarise(JSON.parse(fs.readFileSync(path.join(profileDir, file), 'utf8')));
  const ours = (c: FunctionCost) => c.module.startsWith('server/');
  const bySelf = [...summary.functions].sort((a, b) => b.selfMs - a.selfMs);
  const byTotal = summary.functions.filter(ours).sort((a, b) => b.totalMs - a.totalMs);

  console.log(
    `\nprofile ${path.relative(ROOT, path.join(profileDir, file))}: sampled ${fmt(summary.sampledMs)} ms (+ ${fmt(summary.descheduledMs)} ms descheduled, left out), busy ${fmt(summary.busyMs)} ms, idle ${fmt(summary.idleMs)} ms`,
  );
  console.log('\nself time by module (% of busy)');
  for (const m of summary.modules.slice(0, 12))
    console.log(`${fmt(m.selfMs).padStart(9)} ms ${((100 * m.selfMs) / summary.busyMs).toFixed(1).padStart(5)} %  ${m.module}`);
  console.log('\n' + table('top self time (% of busy)', bySelf.slice(0, top), 'selfMs', summary.busyMs));
  console.log('\n' + table('our functions by inclusive time (% of busy)', byTotal.slice(0, top), 'totalMs', summary.busyMs));

  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = path.join(ROOT, 'bench', 'results', `${stamp}-profile-${fixture.name}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    JSON.stringify(
      {
        fixture,
        metrics: run.metrics,
        profile: path.relative(ROOT, path.join(profileDir, file)),
        ...summary,
        functions: bySelf.slice(0, 60),
        oursByTotal: byTotal.slice(0, 40),
      },
      null,
      2,
    ) + '\n',
  );
  console.error(`\nsaved ${path.relative(process.cwd(), out)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
