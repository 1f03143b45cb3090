import type { Node } from 'constructs';
import type { ImportMapping } from '../../contract/importMapping';

/** The import UUIDs of the shipped examples (cdk.json, config/*.json): placeholders, not real imports. */
export const EXAMPLE_UUIDS: readonly string[] = [
  '0f8c2f4e-6a1b-4c3d-9e2f-1a2b3c4d5e6f',
  '7d9e1c2b-3a4f-4b5c-8d6e-9f0a1b2c3d4e',
];

/** The synth warning for mappings that still carry an example UUID, or undefined when none does. */
export function exampleUuidWarning(imports: readonly ImportMapping[]): string | undefined {
  const examples = imports.filter((mapping) => EXAMPLE_UUIDS.includes(mapping.uuid));
  if (examples.length === 0) return undefined;
  const prefixes = examples.map((mapping) => `"${mapping.prefix}"`).join(', ');
  return (
    `blueshiftImportTrigger.imports: ${prefixes} still map to an example import UUID (a placeholder of cdk.json or config/*.json); ` +
    'put the UUID of your Blueshift import task there before you deploy'
  );
}

/**
 * Adds the warning as CDK metadata (what `Annotations.addWarning` writes), which `cdk synth` prints and
 * `Annotations.fromStack` reads.
 */
export function warnOnExampleUuids(node: Node, imports: readonly ImportMapping[]): void {
  const warning = exampleUuidWarning(imports);
  if (warning) node.addMetadata('aws:cdk:warning', warning, { stackTrace: false });
}
