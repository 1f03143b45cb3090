/**
 * The Lambda Node.js runtime as far as the function can tell, run by the runtime's own Node.js major in a
 * child process (one per execution environment): it imports the handler module once (the cold start), then
 * answers each invocation the parent sends over IPC with the handler's result, the error it threw, or
 * nothing (the parent ends this process at the function timeout). Node.js runs this file by stripping its
 * types, so it uses erasable TypeScript only and imports nothing but Node.js itself.
 *
 * argv: the handler module's file, its export name, and the context's fixed fields as JSON.
 */
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';

interface Invocation {
  readonly event: unknown;
  /** ms since the epoch when the function times out. */
  readonly deadline: number;
}

type Handler = (event: unknown, context: object) => Promise<unknown>;

const [moduleFile = '', exportName = 'handler', fixedContext = '{}'] = process.argv.slice(2);
// Loaded before the first invocation arrives, as Lambda's init phase does; an import error fails each invocation.
const loading: Promise<Record<string, unknown>> = import(pathToFileURL(moduleFile).href);
loading.catch(() => {});

const reply = (message: object) => process.send?.(message);

process.on('message', async ({ event, deadline }: Invocation) => {
  const context = {
    ...JSON.parse(fixedContext),
    awsRequestId: randomUUID(),
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done() {},
    fail() {},
    succeed() {},
  };
  try {
    const handler = (await loading)[exportName];
    if (typeof handler !== 'function') throw new Error(`${moduleFile} exports no function "${exportName}"`);
    const response = await (handler as Handler)(event, context);
    // Lambda hands the event source the response as JSON.
    reply({ outcome: 'returned', response: JSON.parse(JSON.stringify(response ?? null)) });
  } catch (error) {
    reply({ outcome: 'threw', error: String((error as Error)?.stack ?? error) });
  }
});

// The parent went away: nothing can invoke this environment again.
process.on('disconnect', () => process.exit(0));
