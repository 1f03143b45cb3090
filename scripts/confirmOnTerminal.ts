import { createInterface } from 'node:readline/promises';

/**
 * Asks a yes/no question on the terminal (only `y` or `yes` is a yes); `undefined` when standard input is a pipe
 * or a file, so the commands that need a confirmation refuse rather than guess. Shared by `npm run ops` and
 * `npm start`.
 */
export const confirmOnTerminal: ((question: string) => Promise<boolean>) | undefined = process.stdin.isTTY
  ? async (question) => {
      const terminal = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return /^y(es)?$/i.test((await terminal.question(`${question} [y/N] `)).trim());
      } finally {
        terminal.close();
      }
    }
  : undefined;
