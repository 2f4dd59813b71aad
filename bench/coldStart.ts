// Cold start of the stdio server, in fresh processes: spawn → `initialize` answered → first diagnostics of the
// fixture, with the server's CPU time (user + sys, from /proc, so a busy machine inflates it less than wall
// time) and resident memory at the first diagnostics and at the end. usage:
// tsx bench/coldStart.ts [--fixture large] [--runs 10] [--node-args "--flag …"] (run `node scripts/build.mjs --minify` first)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { OpenDocument, peakRssMB, startServer } from './lib/serverProcess';
import { oursServer } from './lib/servers';
import { FIXTURES_DIR, writeFixtures } from './mkfixtures';

const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
};

const CLOCK_TICKS_PER_S = 100;
function cpuMsOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S; // utime, stime
}
function rssMBOf(pid: number): number {
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)];
};
const row = (label: string, xs: number[], unit: string) =>
  `${label.padEnd(34)} ${quantile(xs, 0.5).toFixed(0).padStart(5)} / ${quantile(xs, 0.9).toFixed(0).padStart(5)} ${unit}  (min ${Math.min(...xs).toFixed(0)})`;

async function main(): Promise<void> {
  const fixture = writeFixtures().find((f) => f.name === (option('fixture') ?? 'large'));
  if (!fixture) throw new Error('no such fixture');
  const runs = Number(option('runs') ?? 10);
  const nodeArgs = (option('node-args') ?? '').split(' ').filter(Boolean);
  const spec = oursServer(nodeArgs);
  const text = fs.readFileSync(path.join(FIXTURES_DIR, fixture.file), 'utf8');
  const uri = pathToFileURL(path.join(FIXTURES_DIR, fixture.file)).href;
  const samples = {
    initialize: [] as number[],
    diagnostics: [] as number[],
    cpu: [] as number[],
    rss: [] as number[],
    peak: [] as number[],
  };
  const loadBefore = os.loadavg()[0];
  for (let i = 0; i < runs; i++) {
    const server = await startServer(spec, FIXTURES_DIR);
    try {
      const published = server.client.nextDiagnostics(uri);
      new OpenDocument(server, uri, text, fixture.edit).open();
      await published;
      const pid = server.client.pid;
      samples.diagnostics.push(performance.now() - server.client.spawnedAt);
      samples.initialize.push(server.initializeMs);
      samples.cpu.push(cpuMsOf(pid));
      samples.rss.push(rssMBOf(pid));
      samples.peak.push(peakRssMB(pid) ?? NaN);
    } finally {
      await server.client.stop();
    }
  }
  console.log(
    `${fixture.name}, ${runs} fresh processes, node ${nodeArgs.join(' ') || '(no flags)'}; load ${loadBefore.toFixed(2)} → ${os.loadavg()[0].toFixed(2)}`,
  );
  console.log('median / p90');
  console.log(row('spawn → initialize answered', samples.initialize, 'ms'));
  console.log(row('spawn → first diagnostics', samples.diagnostics, 'ms'));
  console.log(row('server CPU at first diagnostics', samples.cpu, 'ms'));
  console.log(row('RSS at first diagnostics', samples.rss, 'MB'));
  console.log(row('peak RSS at first diagnostics', samples.peak, 'MB'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
