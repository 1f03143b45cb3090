import { type CloudFormationClient, GetTemplateCommand } from '@aws-sdk/client-cloudformation';
import { type ImportMapping, parseImports } from '../../../contract/importMapping';
import { IMPORTS_METADATA_KEY } from '../../../contract/stackOutputs';
import { OpsError } from '../errors';

interface TemplateResource {
  readonly Type?: string;
  readonly Metadata?: Readonly<Record<string, unknown>>;
}

/**
 * The import mappings as deployed: the metadata the stack puts on the trigger function's resource, read from the
 * stack's template (GetTemplate; a deployed CDK template is JSON). Found by the metadata key, not a logical ID.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_GetTemplate.html
 */
export async function deployedImports(
  cloudFormation: Pick<CloudFormationClient, 'send'>,
  stackName: string,
): Promise<readonly ImportMapping[]> {
  const { TemplateBody } = await cloudFormation.send(new GetTemplateCommand({ StackName: stackName }));
  return importsInTemplate(TemplateBody ?? '', stackName);
}

/** The mappings in a template's text; throws naming what is missing. */
export function importsInTemplate(templateBody: string, stackName: string): readonly ImportMapping[] {
  let template: { Resources?: Record<string, TemplateResource> };
  try {
    template = JSON.parse(templateBody) as typeof template;
  } catch {
    throw new OpsError(`the template of stack ${stackName} is not JSON; was it deployed with this app?`);
  }
  const carriers = Object.entries(template.Resources ?? {}).filter(
    ([, resource]) => resource.Metadata?.[IMPORTS_METADATA_KEY] !== undefined,
  );
  const [first, ...others] = carriers;
  if (!first) {
    throw new OpsError(
      `the template of stack ${stackName} carries no import mappings (metadata ${IMPORTS_METADATA_KEY}); ` +
        'redeploy it with this version, or use --local',
    );
  }
  if (others.length > 0) {
    const ids = carriers.map(([id]) => id).join(', ');
    throw new OpsError(`stack ${stackName} has ${carriers.length} trigger functions (${ids}); ops reads one`);
  }
  const [id, resource] = first;
  try {
    return parseImports(JSON.stringify(resource.Metadata?.[IMPORTS_METADATA_KEY]));
  } catch (error) {
    throw new OpsError(`the ${IMPORTS_METADATA_KEY} metadata of ${id}: ${(error as Error).message}`);
  }
}
