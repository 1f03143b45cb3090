/**
 * Evaluates the few CloudFormation intrinsics the stack's outputs use (Ref, Fn::Join, Fn::Split), given the
 * values Ref returns, so a test can read an output as the deployed stack would show it.
 */
export function evaluateIntrinsics(node: unknown, refs: Readonly<Record<string, string>>): unknown {
  if (typeof node !== 'object' || node === null) return node;
  if (Array.isArray(node)) return node.map((item) => evaluateIntrinsics(item, refs));
  const [[name, argument]] = Object.entries(node) as [[string, unknown]];
  const evaluate = (value: unknown) => evaluateIntrinsics(value, refs);
  switch (name) {
    case 'Ref': {
      const value = refs[argument as string];
      if (value === undefined) throw new Error(`no value given for Ref ${String(argument)}`);
      return value;
    }
    case 'Fn::Join': {
      const [separator, items] = argument as [string, unknown];
      return (evaluate(items) as string[]).join(separator);
    }
    case 'Fn::Split': {
      const [separator, text] = argument as [string, unknown];
      return (evaluate(text) as string).split(separator);
    }
    default:
      throw new Error(`unsupported intrinsic ${name}`);
  }
}
