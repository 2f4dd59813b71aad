// Measures one server on one fixture: cold starts in fresh processes, then every editor interaction
// in one long-lived process, ending with its peak RSS.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Fixture } from '../mkfixtures';
import { OpenDocument, peakRssMB, startServer, type StartedServer } from './serverProcess';
import type { ServerSpec } from './servers';
import { distribution, reason, series, type Budget, type Metric } from './stats';

export interface RunOptions {
  /** Completion and hover requests per series (≥ 50 for the targets). */
  runs: number;
  /** Edit → diagnostics and documentSymbol repetitions. */
  editRuns: number;
  /** Fresh processes for the cold figures (the measuring process is one of them). */
  coldStarts: number;
  warmOpens: number;
  /** Wall-time cap per series; a slow server then gets fewer samples (at least `minSamples`). */
  budget: Budget;
  /** Grace period for the server to exit after `exit` (longer when it writes a CPU profile). */
  exitGraceMs?: number;
}

export const METRICS = [
  'initializeMs',
  'coldStartToDiagnosticsMs',
  'coldOpenToDiagnosticsMs',
  'warmOpenToDiagnosticsMs',
  'editToDiagnosticsMs',
  'completionMs',
  'completionAfterEditMs',
  'hoverMs',
  'documentSymbolMs',
  'peakRssMB',
] as const;
export type MetricName = (typeof METRICS)[number];

export interface FixtureRun {
  metrics: Record<MetricName, Metric>;
  info: {
    server?: { name?: string; version?: string };
    capabilities?: string[];
    diagnosticsOnOpen?: number;
    sampleDiagnostics?: string[];
    completionItems?: number;
    hoverChars?: number;
    symbols?: number;
  };
}

const since = (t0: number) => performance.now() - t0;
const uriOf = (dir: string, file: string) => pathToFileURL(path.join(dir, file)).href;

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await fn();
  return [since(t0), value];
}

interface ColdSample {
  initializeMs: number;
  startToDiagnosticsMs: number;
  openToDiagnosticsMs: number;
  diagnostics: unknown[];
}

async function coldOpen(server: StartedServer, doc: OpenDocument): Promise<ColdSample> {
  const published = server.client.nextDiagnostics(doc.uri);
  const t0 = performance.now();
  doc.open();
  const diagnostics = await published;
  return {
    initializeMs: server.initializeMs,
    startToDiagnosticsMs: performance.now() - server.client.spawnedAt,
    openToDiagnosticsMs: since(t0),
    diagnostics,
  };
}

const labelsOf = (res: unknown) => (Array.isArray(res) ? res : ((res as { items?: unknown[] } | null)?.items ?? []));

function requestSeries(
  server: StartedServer,
  capability: string,
  count: number,
  budget: Budget,
  request: () => Promise<unknown>,
  last: (r: unknown) => void,
): Promise<Metric> {
  if (!server.capabilities[capability]) return Promise.resolve({ na: `no ${capability}` });
  return series(
    count,
    async () => {
      const [ms, res] = await timed(request);
      last(res);
      return ms;
    },
    budget,
  );
}

export async function measureFixture(spec: ServerSpec, fixture: Fixture, fixturesDir: string, opts: RunOptions): Promise<FixtureRun> {
  const text = fs.readFileSync(path.join(fixturesDir, fixture.file), 'utf8');
  const uri = uriOf(fixturesDir, fixture.file);
  const cold: ColdSample[] = [];
  const metrics = {} as Record<MetricName, Metric>;
  const info: FixtureRun['info'] = {};
  const withMissingAs = (why: string) => {
    for (const m of METRICS) metrics[m] ??= { na: why };
    return { metrics, info };
  };

  try {
    for (let i = 1; i < opts.coldStarts; i++) {
      const server = await startServer(spec, fixturesDir);
      try {
        cold.push(await coldOpen(server, new OpenDocument(server, uri, text, fixture.edit)));
      } finally {
        await server.client.stop();
      }
    }
  } catch (e) {
    return withMissingAs(reason(e));
  }

  let server: StartedServer;
  try {
    server = await startServer(spec, fixturesDir);
  } catch (e) {
    return withMissingAs(reason(e));
  }
  const { client } = server;
  info.server = server.serverInfo;
  info.capabilities = Object.keys(server.capabilities).filter((k) => server.capabilities[k]);
  try {
    const doc = new OpenDocument(server, uri, text, fixture.edit);
    const first = await coldOpen(server, doc).catch((e) => {
      throw new Error(`no diagnostics after didOpen: ${reason(e)}`);
    });
    cold.push(first);
    info.diagnosticsOnOpen = first.diagnostics.length;
    info.sampleDiagnostics = (first.diagnostics as Array<{ range: { start: { line: number } }; message: string }>)
      .slice(0, 3)
      .map((d) => `${d.range.start.line + 1}: ${d.message.split('\n')[0].slice(0, 100)}`);
    metrics.initializeMs = distribution(cold.map((c) => c.initializeMs));
    metrics.coldStartToDiagnosticsMs = distribution(cold.map((c) => c.startToDiagnosticsMs));
    metrics.coldOpenToDiagnosticsMs = distribution(cold.map((c) => c.openToDiagnosticsMs));

    metrics.warmOpenToDiagnosticsMs = await series(
      opts.warmOpens,
      async (i) => {
        const other = new OpenDocument(server, uriOf(fixturesDir, `warm${i}-${fixture.file}`), text, fixture.edit);
        const { openToDiagnosticsMs } = await coldOpen(server, other);
        other.close();
        return openToDiagnosticsMs;
      },
      opts.budget,
    );

    await client.settle(uri, spec.quietMs);
    metrics.editToDiagnosticsMs = await series(
      opts.editRuns,
      async () => {
        const published = client.nextDiagnostics(uri);
        const t0 = performance.now();
        doc.toggleEdit();
        await published;
        return since(t0);
      },
      opts.budget,
    );

    const completion = () =>
      client.request('textDocument/completion', { textDocument: { uri }, position: fixture.complete, context: { triggerKind: 1 } });
    metrics.completionMs = await requestSeries(server, 'completionProvider', opts.runs, opts.budget, completion, (r) => {
      info.completionItems = labelsOf(r).length;
    });
    metrics.completionAfterEditMs = await requestSeries(
      server,
      'completionProvider',
      opts.runs,
      opts.budget,
      () => {
        doc.toggleEdit();
        return completion();
      },
      () => undefined,
    );
    await client.settle(uri, spec.quietMs);

    const hover = () => client.request('textDocument/hover', { textDocument: { uri }, position: fixture.hover });
    metrics.hoverMs = await requestSeries(server, 'hoverProvider', opts.runs, opts.budget, hover, (r) => {
      const contents = (r as { contents?: unknown } | null)?.contents;
      info.hoverChars = contents === undefined ? 0 : JSON.stringify(contents).length;
    });
    const symbols = () => client.request('textDocument/documentSymbol', { textDocument: { uri } });
    metrics.documentSymbolMs = await requestSeries(server, 'documentSymbolProvider', opts.editRuns, opts.budget, symbols, (r) => {
      info.symbols = Array.isArray(r) ? r.length : 0;
    });

    const rss = peakRssMB(client.pid);
    metrics.peakRssMB = rss === undefined ? { na: 'no /proc status' } : distribution([rss]);
    return withMissingAs(client.isAlive ? 'not measured' : 'server exited');
  } catch (e) {
    return withMissingAs(reason(e));
  } finally {
    await client.stop(opts.exitGraceMs);
  }
}
