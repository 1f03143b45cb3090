import { App, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { CONFIG_CONTEXT_KEY } from '../../lib/config/schema';
import { TriggerImportStack } from '../../lib/TriggerImportStack';

export const DAILY_UUID = '0f8c2f4e-6a1b-4c3d-9e2f-1a2b3c4d5e6f';
export const VIP_UUID = '7d9e1c2b-3a4f-4b5c-8d6e-9f0a1b2c3d4e';

/** A valid raw configuration as written in cdk.json, with the given fields replaced. */
export const rawConfigFactory = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  imports: [
    { prefix: 'customers/daily/', uuid: DAILY_UUID, suffix: '.csv' },
    { prefix: 'customers/vip/', uuid: VIP_UUID },
  ],
  ...overrides,
});

/** A synthesised stack, its template, and the directory of its cloud assembly. */
export interface SynthesizedStack {
  readonly stack: TriggerImportStack;
  readonly template: Template;
  readonly assemblyDirectory: string;
}

/** CDK context that makes synthesis skip asset bundling, for tests that do not look at the bundle. */
export const SKIP_BUNDLING_CONTEXT = { 'aws:cdk:bundling-stacks': [] } as const;

/**
 * Builds the app's stack from a raw configuration in CDK context and synthesises it. Bundling is skipped
 * unless `bundle` is set (then the function is bundled with esbuild as `cdk synth` does, which takes a few
 * seconds). Call it once per configuration in `beforeAll`.
 */
export function synthesizeStack(
  rawConfig: Record<string, unknown>,
  { bundle = false }: { readonly bundle?: boolean } = {},
): SynthesizedStack {
  const app = new App({
    context: { [CONFIG_CONTEXT_KEY]: rawConfig, ...(bundle ? {} : SKIP_BUNDLING_CONTEXT) },
  });
  const stack = new TriggerImportStack(app, 'TestImportTrigger');
  const template = Template.fromStack(stack);
  return { stack, template, assemblyDirectory: app.synth().directory };
}

/** The template's resources of one type, keyed by logical ID (for lookups, never for assertions). */
export function resourcesOfType(template: Template, type: string): Record<string, Record<string, unknown>> {
  return template.findResources(type) as Record<string, Record<string, unknown>>;
}

/** The template resource of a construct, found through the construct rather than a fixed logical ID. */
export function resourceOf({ stack, template }: SynthesizedStack, construct: IConstruct): TemplateResource {
  const logicalId = stack.getLogicalId(construct.node.defaultChild as CfnElement);
  return template.toJSON().Resources[logicalId] as TemplateResource;
}

/** A resource as it appears in a template. */
export interface TemplateResource {
  readonly Type: string;
  // biome-ignore lint/suspicious/noExplicitAny: template properties are free-form JSON.
  readonly Properties: Record<string, any>;
  readonly DependsOn?: string[];
}
