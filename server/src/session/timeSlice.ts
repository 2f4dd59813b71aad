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
    for (let turn = 0; answersBeingWritten > 0 && turn < ANSWER_WRITE_TURNS; turn++) await nextTurn();
    this.started = performance.now();
  }
}

let answersBeingWritten = 0;
/**
 * Turns from an answer settling to its being written (one for vscode-jsonrpc, one for this module's own count);
 * a pause waits no longer, so requests arriving without end cannot starve the work.
 */
const ANSWER_WRITE_TURNS = 2;

/**
 * The answer of a request, marked so that no time slice starts between its computation and its being written:
 * vscode-jsonrpc writes an answer one `setImmediate` after the handler's promise settles, and a request that
 * arrived while the work was paused would otherwise wait for the next slice (a completion typed right after an
 * edit, for the check of that edit).
 */
export function answered<T>(answer: Promise<T>): Promise<T> {
  return answer.finally(() => {
    answersBeingWritten++;
    setImmediate(() => setImmediate(() => answersBeingWritten--));
  });
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
