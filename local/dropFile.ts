import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { LocalDeployment } from './deployLocally';

/** Puts a small CSV file into the deployment's bucket, as a partner's upload would. */
export async function dropFile(deployment: LocalDeployment, key: string): Promise<void> {
  await deployment.s3.send(
    new PutObjectCommand({
      Bucket: deployment.bucket,
      Key: key,
      Body: 'email,first_name\na@example.com,A\n',
    }),
  );
}
