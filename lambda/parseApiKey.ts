import { ApiKeyUnavailableError } from './errors';

/** Reads the key from a secret value: the key as plain text, or JSON with field `apiKey`. */
export function parseApiKey(secretValue: string | undefined, secretId: string): string {
  const value = secretValue?.trim() ?? '';
  if (value.startsWith('{')) {
    let apiKey: unknown;
    try {
      apiKey = (JSON.parse(value) as { apiKey?: unknown }).apiKey;
    } catch {
      throw new ApiKeyUnavailableError(
        `secret ${secretId} looks like JSON but does not parse; store the key as plain text or {"apiKey": "…"}`,
      );
    }
    if (typeof apiKey === 'string' && apiKey.trim()) return apiKey.trim();
    throw new ApiKeyUnavailableError(
      `secret ${secretId} has no "apiKey" value yet; put your Blueshift User API key in it`,
    );
  }
  if (!value) {
    throw new ApiKeyUnavailableError(`secret ${secretId} is empty; put your Blueshift User API key in it`);
  }
  return value;
}
