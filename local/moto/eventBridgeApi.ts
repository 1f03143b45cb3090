import { awsClientConfig } from './motoServer';

/** An EventBridge rule's target, as PutTargets takes it. */
export interface RuleTarget {
  readonly Id: string;
  readonly Arn: string;
  readonly [property: string]: unknown;
}

/** The EventBridge calls a local deployment needs, against moto. */
export interface EventBridgeApi {
  /** Creates or replaces a rule on the default bus (unless `EventBusName` says otherwise); returns its ARN. */
  putRule(rule: {
    readonly Name: string;
    readonly EventPattern: string;
    readonly State?: string;
    readonly EventBusName?: string;
  }): Promise<string>;
  putTargets(rule: string, targets: readonly RuleTarget[], eventBusName?: string): Promise<void>;
}

/**
 * A minimal EventBridge client for moto (the project has no EventBridge SDK client): AWS JSON 1.1 requests,
 * with an authorization header that only names the service, which is all moto reads to route them.
 */
export function eventBridgeApi(endpoint: string): EventBridgeApi {
  const { region } = awsClientConfig(endpoint);
  const call = async (action: string, input: object): Promise<Record<string, unknown>> => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AWSEvents.${action}`,
        authorization: `AWS4-HMAC-SHA256 Credential=testing/20260101/${region}/events/aws4_request, SignedHeaders=host, Signature=0`,
      },
      body: JSON.stringify(input),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`EventBridge ${action} failed (${response.status}): ${text}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
  return {
    putRule: async (rule) => String((await call('PutRule', rule)).RuleArn),
    putTargets: async (rule, targets, eventBusName) => {
      const result = await call('PutTargets', {
        Rule: rule,
        Targets: targets,
        ...(eventBusName === undefined ? {} : { EventBusName: eventBusName }),
      });
      if (Number(result.FailedEntryCount ?? 0) > 0) {
        throw new Error(`EventBridge PutTargets failed: ${JSON.stringify(result.FailedEntries)}`);
      }
    },
  };
}
