// What every subcommand sees of the process (tests pass their own) and what it exports.

export interface CliIO {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
}

/** A subcommand other than `check`, each in its own module (loaded on demand). */
export interface Subcommand {
  run(argv: string[], io: CliIO): Promise<number>;
}
