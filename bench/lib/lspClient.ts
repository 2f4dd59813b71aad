// A minimal LSP client over stdio (JSON-RPC 2.0 with Content-Length framing), written for timing:
// no dependencies, every response and notification is handled as soon as its bytes arrive.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export class LspError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}
export class TimeoutError extends Error {}

type Json = Record<string, unknown>;
interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}
interface DiagnosticWaiter {
  resolve: (diagnostics: unknown[]) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

const HEADER_END = Buffer.from('\r\n\r\n');

export class LspClient {
  readonly spawnedAt = performance.now();
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;
  private buffered = Buffer.alloc(0);
  private nextId = 1;
  private alive = true;
  private readonly pending = new Map<number, Pending>();
  private readonly diagnosticWaiters = new Map<string, DiagnosticWaiter[]>();
  private readonly lastPublish = new Map<string, number>();
  private readonly stderrTail: string[] = [];

  constructor(
    command: readonly string[],
    private readonly requestHandler: (method: string, params: unknown) => unknown,
  ) {
    this.child = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderrTail.push(chunk.toString());
      if (this.stderrTail.length > 20) this.stderrTail.shift();
      if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
    });
    this.child.stdin.on('error', () => undefined); // the server may exit while we write; `exited` reports it
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code) => {
        this.alive = false;
        this.failAll(new Error(`server exited (code ${code}); stderr: ${this.stderrTail.join('').slice(-400)}`));
        resolve(code);
      }),
    );
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }
  get isAlive(): boolean {
    return this.alive;
  }

  request<T = unknown>(method: string, params: unknown, timeoutMs = 60_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      if (!this.alive) return reject(new Error('server is not running'));
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new TimeoutError(`${method}: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    if (this.alive) this.send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the next `publishDiagnostics` for `uri` that arrives after this call. */
  nextDiagnostics(uri: string, timeoutMs = 60_000): Promise<unknown[]> {
    return new Promise((resolve, reject) => {
      const waiter: DiagnosticWaiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.diagnosticWaiters.set(
            uri,
            (this.diagnosticWaiters.get(uri) ?? []).filter((w) => w !== waiter),
          );
          reject(new TimeoutError(`no publishDiagnostics within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.diagnosticWaiters.set(uri, [...(this.diagnosticWaiters.get(uri) ?? []), waiter]);
    });
  }

  /** Waits until no diagnostics for `uri` have been published for `quietMs` (late debounced publishes). */
  async settle(uri: string, quietMs: number): Promise<void> {
    for (;;) {
      const since = performance.now() - (this.lastPublish.get(uri) ?? 0);
      if (since >= quietMs) return;
      await new Promise((r) => setTimeout(r, quietMs - since));
    }
  }

  /** shutdown + exit, then SIGTERM if the process has not ended after `graceMs`. */
  async stop(graceMs = 3_000): Promise<void> {
    if (this.alive) {
      await this.request('shutdown', null, 5_000).catch(() => undefined);
      this.notify('exit', null);
    }
    const timer = setTimeout(() => this.child.kill('SIGTERM'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  private send(message: Json): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
    for (;;) {
      const headerEnd = this.buffered.indexOf(HEADER_END);
      if (headerEnd < 0) return;
      const header = this.buffered.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length:\s*(\d+)/i.exec(header)?.[1]);
      const start = headerEnd + HEADER_END.length;
      if (!Number.isFinite(length)) return this.protocolError(`bad LSP header: ${header.slice(0, 80)}`);
      if (this.buffered.length < start + length) return;
      const body = this.buffered.subarray(start, start + length).toString('utf8');
      this.buffered = this.buffered.subarray(start + length);
      let message: Json;
      try {
        message = JSON.parse(body) as Json;
      } catch {
        return this.protocolError(`bad JSON from server: ${body.slice(0, 80)}`);
      }
      this.dispatch(message);
    }
  }

  private dispatch(message: Json): void {
    const { id, method } = message;
    if (typeof method === 'string' && id !== undefined) return this.answer(id, method, message.params);
    if (typeof method === 'string') return this.onNotification(method, message.params);
    const pending = this.pending.get(id as number);
    if (!pending) return;
    this.pending.delete(id as number);
    clearTimeout(pending.timer);
    const error = message.error as { code: number; message: string } | undefined;
    if (error) pending.reject(new LspError(error.code, error.message));
    else pending.resolve(message.result);
  }

  private answer(id: unknown, method: string, params: unknown): void {
    let result: unknown;
    try {
      result = this.requestHandler(method, params) ?? null;
    } catch {
      result = null;
    }
    this.send({ jsonrpc: '2.0', id, result });
  }

  private onNotification(method: string, params: unknown): void {
    if (method !== 'textDocument/publishDiagnostics') return;
    const { uri, diagnostics } = params as { uri: string; diagnostics: unknown[] };
    this.lastPublish.set(uri, performance.now());
    const waiters = this.diagnosticWaiters.get(uri) ?? [];
    this.diagnosticWaiters.delete(uri);
    for (const w of waiters) {
      clearTimeout(w.timer);
      w.resolve(diagnostics);
    }
  }

  /** The stream can no longer be trusted: fail everything and end the server (the harness started it). */
  private protocolError(message: string): void {
    this.buffered = Buffer.alloc(0);
    this.failAll(new Error(message));
    this.child.kill('SIGTERM');
  }

  private failAll(error: Error): void {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(error);
    }
    this.pending.clear();
    for (const ws of this.diagnosticWaiters.values())
      for (const w of ws) {
        clearTimeout(w.timer);
        w.reject(error);
      }
    this.diagnosticWaiters.clear();
  }
}
