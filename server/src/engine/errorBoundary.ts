/**
 * Errors are reported once, at the boundary. Engine code does not catch its own bugs: each front end guards
 * every request it answers, reports what escapes to the sink it chose (the server's log, the CLI's stderr, a
 * rethrow in tests and the fuzzer) and answers with a safe fallback.
 */

export interface ErrorContext {
  /** What was being done: `hover`, `diagnostics: rules`, … */
  feature: string;
  /** The file it was done for; never its text. */
  uri?: string;
}

export type ErrorSink = (error: unknown, context: ErrorContext) => void;

/** The sink of tests and the fuzzer: the error fails whoever made the call. */
export const rethrow: ErrorSink = (error) => {
  throw error;
};

/** `run()`; when it throws, the error goes to `sink` and the answer is `fallback`. */
export function guarded<T>(sink: ErrorSink, context: ErrorContext, run: () => T, fallback: T): T {
  try {
    return run();
  } catch (error) {
    sink(error, context);
    return fallback;
  }
}

/** `guarded` for a request answered asynchronously. */
export async function guardedAsync<T>(sink: ErrorSink, context: ErrorContext, run: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    sink(error, context);
    return fallback;
  }
}

/** An error caught at the boundary as a log shows it: the feature, the file and the stack (name and message first). */
export function errorReport(error: unknown, { feature, uri }: ErrorContext): string {
  const described =
    error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : `${typeof error} thrown: ${String(error)}`;
  return `${feature} failed${uri ? ` for ${uri}` : ''}: ${described}`;
}
