/** What `Ref` and `Fn::GetAtt` give for one resource once it exists. */
export interface PhysicalResource {
  readonly ref: string;
  readonly attributes?: Readonly<Record<string, string>>;
}

/** The account the resources live in and the resources created so far, by logical ID. */
export interface IntrinsicScope {
  readonly region: string;
  readonly accountId: string;
  readonly resources: Readonly<Record<string, PhysicalResource>>;
}

/**
 * Evaluates the CloudFormation intrinsics this stack's properties use (Ref, Fn::GetAtt, Fn::Join, Fn::Split,
 * Fn::Select) against resources that exist; throws naming anything it cannot resolve.
 */
export function resolveIntrinsics(node: unknown, scope: IntrinsicScope): unknown {
  if (typeof node !== 'object' || node === null) return node;
  if (Array.isArray(node)) return node.map((item) => resolveIntrinsics(item, scope));
  const entries = Object.entries(node);
  const [name, argument] = entries[0] ?? [];
  if (entries.length !== 1 || !name?.match(/^(Ref|Fn::)/)) {
    return Object.fromEntries(entries.map(([key, value]) => [key, resolveIntrinsics(value, scope)]));
  }
  const resolve = (value: unknown) => resolveIntrinsics(value, scope);
  switch (name) {
    case 'Ref':
      return refOf(argument as string, scope);
    case 'Fn::GetAtt': {
      const [logicalId, attribute] = (typeof argument === 'string' ? argument.split('.') : argument) as [
        string,
        string,
      ];
      const value = scope.resources[logicalId]?.attributes?.[attribute];
      if (value === undefined) throw new Error(`cannot resolve Fn::GetAtt ${logicalId}.${attribute}`);
      return value;
    }
    case 'Fn::Join': {
      const [separator, items] = argument as [string, unknown];
      return (resolve(items) as string[]).join(separator);
    }
    case 'Fn::Split': {
      const [separator, text] = argument as [string, unknown];
      return (resolve(text) as string).split(separator);
    }
    case 'Fn::Select': {
      const [index, items] = argument as [number | string, unknown];
      return (resolve(items) as unknown[])[Number(index)];
    }
    default:
      throw new Error(`unsupported intrinsic ${name}`);
  }
}

function refOf(name: string, scope: IntrinsicScope): string {
  const pseudo: Record<string, string> = {
    'AWS::Region': scope.region,
    'AWS::AccountId': scope.accountId,
    'AWS::Partition': 'aws',
    'AWS::URLSuffix': 'amazonaws.com',
  };
  const value = pseudo[name] ?? scope.resources[name]?.ref;
  if (value === undefined) throw new Error(`cannot resolve Ref ${name}: no such resource was created`);
  return value;
}
