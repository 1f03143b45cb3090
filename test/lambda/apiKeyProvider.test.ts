import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApiKeyProvider } from '../../lambda/apiKeyProvider';
import { ApiKeyTemporarilyUnavailableError, ApiKeyUnavailableError } from '../../lambda/errors';

const secretsManager = mockClient(SecretsManagerClient);
const awsError = (name: string) => Object.assign(new Error(name), { name });

describe('Function: createApiKeyProvider()', () => {
  let clock = 0;
  const provider = () =>
    createApiKeyProvider({
      client: new SecretsManagerClient({}),
      secretId: 'blueshift/key',
      now: () => clock,
    });

  beforeEach(() => {
    secretsManager.reset();
    clock = 0;
  });

  it('reads a plain-text key once and caches it', async () => {
    // Prepare
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: ' key-1 \n' });
    const apiKeys = provider();

    // Act
    const first = await apiKeys.get(1000);
    clock += 60_000;
    const second = await apiKeys.get(1000);

    // Assess
    expect([first, second]).toEqual(['key-1', 'key-1']);
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    expect(secretsManager.commandCalls(GetSecretValueCommand)[0]?.args[0].input).toEqual({
      SecretId: 'blueshift/key',
    });
  });

  it('reads the apiKey field of a JSON secret', async () => {
    // Prepare
    secretsManager.on(GetSecretValueCommand).resolves({ SecretString: '{"apiKey":"key-json"}' });

    // Act / Assess
    await expect(provider().get(1000)).resolves.toBe('key-json');
  });

  it('reads the key again after the cache lifetime', async () => {
    // Prepare
    secretsManager
      .on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: 'old' })
      .resolves({ SecretString: 'new' });
    const apiKeys = provider();
    await apiKeys.get(1000);

    // Act
    clock += 300_001;
    const key = await apiKeys.get(1000);

    // Assess
    expect(key).toBe('new');
  });

  it('re-reads on refresh (key rotation) and caches the new key', async () => {
    // Prepare
    secretsManager
      .on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: 'old' })
      .resolves({ SecretString: 'rotated' });
    const apiKeys = provider();
    await apiKeys.get(1000);

    // Act
    const refreshed = await apiKeys.refresh('old', 1000);
    const cached = await apiKeys.get(1000);

    // Assess
    expect([refreshed, cached]).toEqual(['rotated', 'rotated']);
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('shares one read among calls that were refused the same key at once', async () => {
    // Prepare
    secretsManager
      .on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: 'old' })
      .resolves({ SecretString: 'rotated' });
    const apiKeys = provider();
    const stale = await apiKeys.get(1000);

    // Act
    const refreshed = await Promise.all([1, 2, 3].map(() => apiKeys.refresh(stale, 1000)));

    // Assess
    expect(refreshed).toEqual(['rotated', 'rotated', 'rotated']);
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('hands out the newer key without reading again when the refused key was already replaced', async () => {
    // Prepare
    secretsManager
      .on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: 'old' })
      .resolves({ SecretString: 'rotated' });
    const apiKeys = provider();
    await apiKeys.get(1000);
    await apiKeys.refresh('old', 1000);

    // Act: a call that used the old key before the refresh is refused late.
    const late = await apiKeys.refresh('old', 1000);

    // Assess
    expect(late).toBe('rotated');
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('reads again when the refused key is the newest one', async () => {
    // Prepare
    secretsManager
      .on(GetSecretValueCommand)
      .resolvesOnce({ SecretString: 'old' })
      .resolvesOnce({ SecretString: 'rotated' })
      .resolves({ SecretString: 'rotated-again' });
    const apiKeys = provider();
    await apiKeys.get(1000);
    await apiKeys.refresh('old', 1000);

    // Act
    const key = await apiKeys.refresh('rotated', 1000);

    // Assess
    expect(key).toBe('rotated-again');
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(3);
  });

  it.each([
    ['an empty secret', { SecretString: '' }, /is empty/],
    ['a JSON secret without apiKey', { SecretString: '{"apiKey":""}' }, /has no "apiKey"/],
    ['a binary secret', { SecretBinary: new Uint8Array([1]) }, /is empty/],
  ])('explains %s, naming the secret', async (_, output, message) => {
    // Prepare
    secretsManager.on(GetSecretValueCommand).resolves(output);

    // Act / Assess
    const error = await provider()
      .get(1000)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiKeyUnavailableError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain('blueshift/key');
  });

  it('reports a missing secret as needing an operator', async () => {
    // Prepare
    secretsManager.on(GetSecretValueCommand).rejects(awsError('ResourceNotFoundException'));

    // Act / Assess
    await expect(provider().get(1000)).rejects.toThrow(ApiKeyUnavailableError);
  });

  it('reports throttling as temporary and does not cache the failure', async () => {
    // Prepare
    secretsManager
      .on(GetSecretValueCommand)
      .rejectsOnce(awsError('ThrottlingException'))
      .resolves({ SecretString: 'key-after-throttle' });
    const apiKeys = provider();

    // Act
    const failure = await apiKeys.get(1000).catch((caught: unknown) => caught);
    const key = await apiKeys.get(1000);

    // Assess
    expect(failure).toBeInstanceOf(ApiKeyTemporarilyUnavailableError);
    expect(key).toBe('key-after-throttle');
  });
});
