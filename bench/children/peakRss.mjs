// Peak-memory probe, run by plain `node` so no loader adds to it: imports the bundle as Lambda's init does,
// then reads and parses the event payload as the runtime does, invokes the handler once, and replies with
// process.resourceUsage().maxRSS (KiB) after the import and after the invocation.
import { readFileSync } from 'node:fs';

const [bundleUrl, eventPath] = process.argv.slice(2);
const reply = (message) => process.send(message, () => process.exit(0));

try {
  const { handler } = await import(bundleUrl);
  const loadedKiB = process.resourceUsage().maxRSS;
  const event = JSON.parse(readFileSync(eventPath, 'utf8'));
  const response = await handler(event, { getRemainingTimeInMillis: () => 60_000 });
  const peakKiB = process.resourceUsage().maxRSS;
  reply({
    ok: true,
    result: {
      loadedKiB,
      peakKiB,
      records: event.Records.length,
      failures: response.batchItemFailures.length,
    },
  });
} catch (error) {
  reply({ ok: false, error: error?.stack ?? String(error) });
}
