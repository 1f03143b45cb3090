import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { ImportMapping } from '../contract/importMapping';
import { classifyStatus } from '../contract/redeliveryPolicy';
import { triggerImport } from '../lambda/blueshiftClient';
import { createKeyMatcher } from '../lambda/mapKeyToImport';
import { parseNotification } from '../lambda/parseNotification';

export interface NaiveHandlerOptions {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly imports: readonly ImportMapping[];
  readonly requestTimeoutMs: number;
}

/**
 * The baseline the coalescing handler is compared with: the same parsing, matching and HTTP client, but one
 * Blueshift call per file, as a handler that treats each record on its own would make. Bench-only.
 */
export function createNaiveHandler(
  options: NaiveHandlerOptions,
): (event: SQSEvent) => Promise<SQSBatchResponse> {
  const matchKey = createKeyMatcher(options.imports);
  return async (event) => {
    const failed = new Set<string>();
    const calls = event.Records.flatMap((record) => {
      const parsed = parseNotification(record.body);
      if (parsed.kind !== 'objects') return [];
      return parsed.objects.map(async ({ key }) => {
        const match = matchKey(key);
        if (match.kind !== 'import') return;
        const response = await triggerImport({
          baseUrl: options.baseUrl,
          apiKey: options.apiKey,
          uuid: match.mapping.uuid,
          timeoutMs: options.requestTimeoutMs,
        });
        if (classifyStatus(response.kind === 'response' ? response.status : response.kind) !== 'triggered')
          failed.add(record.messageId);
      });
    });
    await Promise.all(calls);
    return { batchItemFailures: [...failed].map((itemIdentifier) => ({ itemIdentifier })) };
  };
}
