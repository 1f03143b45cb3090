import type { startSandbox } from './startSandbox';

/** The sandbox's exit codes. */
export const EXIT = { ok: 0, outcome: 1, usage: 2, environment: 3 } as const;

/** What the sandbox's command needs from its process: injected, so tests run it without a terminal. */
export interface CliDeps {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly print: (line: string) => void;
  readonly error: (line: string) => void;
  /** A yes/no question; absent when standard input is not a terminal. */
  readonly confirm: ((question: string) => Promise<boolean>) | undefined;
  readonly readFile: (file: string) => Uint8Array;
  /** Registers what Ctrl-C (or SIGTERM) does. */
  readonly onInterrupt: (stop: () => void) => void;
  /** @default startSandbox */
  readonly start?: typeof startSandbox;
}
