import { pathToFileURL } from 'node:url';
import type { ChildReply } from './runInChild';

// Entry of a tsx child started by runTaskInChild: argv holds the module, the export to call and its JSON input.
const [modulePath, exportName, inputJson] = process.argv.slice(2);

/** Sends the reply and exits: open keep-alive sockets or servers must not keep the child waiting. */
const finish = (reply: ChildReply<unknown>) => process.send?.(reply, () => process.exit(0));

try {
  const module = (await import(pathToFileURL(modulePath as string).href)) as Record<string, unknown>;
  const task = module[exportName as string];
  if (typeof task !== 'function') throw new Error(`${modulePath} exports no function ${exportName}`);
  finish({ ok: true, result: await task(JSON.parse(inputJson as string)) });
} catch (error) {
  finish({ ok: false, error: (error as Error).stack ?? String(error) });
}
