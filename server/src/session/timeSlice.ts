/**
 * Cooperative time slicing for long work on the server's only thread: the work checks `due` between small
 * units and awaits `pause()`, which lets the connection read and answer whatever arrived meanwhile
 * (vscode-jsonrpc handles one queued message per event-loop turn).
 */
export class TimeSlice {
  private started = performance.now();

  constructor(private readonly budgetMs: number) {}

  get due(): boolean {
    return performance.now() - this.started >= this.budgetMs;
  }

  /** Lets a message that arrived during the slice be handled and answered before the work goes on. */
  async pause(): Promise<void> {
    await afterQueuedMessages();
    this.started = performance.now();
  }
}

/** Resolves on the next event-loop turn, after I/O and the immediates already queued. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Resolves once a message that was already waiting when this was called has been handled and answered:
 * vscode-jsonrpc handles its next message one `setImmediate` after the current one and writes a response one
 * `setImmediate` after the handler returns it, so three turns let a completion that arrived together with an edit
 * reach the editor before the diagnostics of that edit are computed.
 */
export async function afterQueuedMessages(): Promise<void> {
  await nextTurn();
  await nextTurn();
  await nextTurn();
}
