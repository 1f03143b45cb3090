import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ApiKeyTemporarilyUnavailableError, ApiKeyUnavailableError } from './errors';
import { parseApiKey } from './parseApiKey';

/** Supplies the Blueshift key, cached across invocations, with a shared re-read for key rotation. */
export interface ApiKeyProvider {
  /** The cached key, read again once it is older than the cache lifetime. */
  get(timeoutMs: number): Promise<string>;
  /**
   * A key newer than `staleKey` (the one Blueshift just refused): the read already under way or already
   * done, else a new read. Calls that get 401 together so share one read.
   */
  refresh(staleKey: string, timeoutMs: number): Promise<string>;
}

/** Secrets Manager errors that only an operator can fix. */
const OPERATOR_ERRORS = new Set([
  'ResourceNotFoundException',
  'AccessDeniedException',
  'DecryptionFailure',
  'InvalidRequestException',
]);

export interface ApiKeyProviderOptions {
  readonly client: Pick<SecretsManagerClient, 'send'>;
  readonly secretId: string;
  /** How long a read key is reused. @default 300000 (5 minutes) */
  readonly cacheMs?: number;
  readonly now?: () => number;
}

interface CachedKey {
  readonly key: Promise<string>;
  readonly readAt: number;
  /** Set once the read succeeded. */
  value?: string;
}

export function createApiKeyProvider(options: ApiKeyProviderOptions): ApiKeyProvider {
  const { client, secretId, cacheMs = 300_000, now = Date.now } = options;
  let cached: CachedKey | undefined;

  const read = async (timeoutMs: number): Promise<string> => {
    try {
      const output = await client.send(new GetSecretValueCommand({ SecretId: secretId }), {
        abortSignal: AbortSignal.timeout(timeoutMs),
      });
      return parseApiKey(output.SecretString, secretId);
    } catch (error) {
      if (error instanceof ApiKeyUnavailableError) throw error;
      const name = (error as Error).name;
      if (OPERATOR_ERRORS.has(name)) {
        throw new ApiKeyUnavailableError(
          `cannot read secret ${secretId} (${name}); check that it exists and the function may read it`,
        );
      }
      throw new ApiKeyTemporarilyUnavailableError(`reading secret ${secretId} failed (${name}); will retry`);
    }
  };
  const load = (timeoutMs: number): Promise<string> => {
    const entry: CachedKey = { key: read(timeoutMs), readAt: now() };
    cached = entry;
    entry.key.then(
      (value) => {
        entry.value = value;
      },
      // A failed read is not cached: the next call tries again.
      () => {
        if (cached === entry) cached = undefined;
      },
    );
    return entry.key;
  };

  return {
    get: (timeoutMs) => (cached && now() - cached.readAt < cacheMs ? cached.key : load(timeoutMs)),
    refresh: (staleKey, timeoutMs) => (cached && cached.value !== staleKey ? cached.key : load(timeoutMs)),
  };
}
