// Cold-start probe, run by plain `node` (no tsx loader to time): imports one bundle in this fresh process
// and replies with how long the import took, module evaluation and client construction included.
const [bundleUrl] = process.argv.slice(2);
const reply = (message) => process.send(message, () => process.exit(0));

try {
  const startedAt = performance.now();
  const module = await import(bundleUrl);
  const importMs = performance.now() - startedAt;
  reply({
    ok: true,
    result: {
      importMs,
      exports: Object.keys(module),
    },
  });
} catch (error) {
  reply({ ok: false, error: error?.stack ?? String(error) });
}
