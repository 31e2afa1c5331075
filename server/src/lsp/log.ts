// The server's output channel and its rule of failure: a handler never throws to the client (the
// failure is logged and a neutral answer sent), and an engine rule family that throws is reported
// once per (rule, message) for the session, not once per keystroke.

import type { Connection } from 'vscode-languageserver';
import type { InternalFailure } from '../engine';

export class ServerLog {
  /** Rule failures already reported: each (rule, message) once per session, not per keystroke. */
  private reportedFailures = new Set<string>();

  constructor(private readonly connection: Pick<Connection, 'console'>) {}

  log(message: string): void {
    this.connection.console.log(`[cyberdossier] ${message}`);
  }

  error(where: string, e: unknown): void {
    const err = e as Error;
    this.connection.console.error(`[cyberdossier] ${where}: ${err?.stack ?? String(e)}`);
  }

  /** The engine's `onInternalError`: a rule family threw; its findings are left out. */
  ruleFailed(f: InternalFailure): void {
    const key = `${f.rule}\u0000${f.message}`;
    if (this.reportedFailures.has(key)) return;
    this.reportedFailures.add(key);
    this.connection.console.error(
      `[cyberdossier] internal error in the ${f.rule} rules while checking ${f.path}; their findings are left out until it is fixed (other rules still run). Please report this.\n${f.stack ?? f.message}`,
    );
  }

  /** Runs a handler; a failure is logged, never thrown to the client. */
  safe<A extends unknown[], R>(where: string, fallback: R, fn: (...a: A) => R | Promise<R>): (...a: A) => Promise<R> {
    return async (...a: A) => {
      try {
        return await fn(...a);
      } catch (e) {
        this.error(where, e);
        return fallback;
      }
    };
  }
}
