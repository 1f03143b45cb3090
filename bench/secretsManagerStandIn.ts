import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback answerer for Secrets Manager's GetSecretValue, so the bundled handler reads its key locally. */
export interface SecretsManagerStandIn {
  /** Base URL for `AWS_ENDPOINT_URL_SECRETS_MANAGER`. */
  readonly url: string;
  /** GetSecretValue calls answered. */
  readonly reads: () => number;
  close(): Promise<void>;
}

/** Answers every GetSecretValue (JSON 1.1 protocol) with `secretString`; anything else gets 400. */
export async function startSecretsManagerStandIn(secretString: string): Promise<SecretsManagerStandIn> {
  let reads = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (request.headers['x-amz-target'] !== 'secretsmanager.GetSecretValue') {
        response.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
        response.end(JSON.stringify({ __type: 'InvalidRequestException', message: 'bench stand-in' }));
        return;
      }
      reads += 1;
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(
        JSON.stringify({
          ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:BenchApiKey-AbCdEf',
          Name: 'BenchApiKey',
          SecretString: secretString,
          VersionId: '00000000-0000-4000-8000-000000000000',
          VersionStages: ['AWSCURRENT'],
          CreatedDate: 1_717_200_000,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    reads: () => reads,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
