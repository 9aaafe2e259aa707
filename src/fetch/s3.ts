import { AwsClient } from 'aws4fetch';
import type { FetchLike } from './download.js';
import { httpGet } from './http-get.js';

/**
 * GETs of S3 objects, signed with SigV4 by aws4fetch (a few kB, where @aws-sdk/client-s3 would add
 * megabytes to the action bundle for one GET). Credentials come from the usual environment:
 * AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN; without them requests go unsigned
 * (a public bucket). AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL selects an S3-compatible endpoint
 * (MinIO, R2, a loopback stand-in), addressed path-style; the region is AWS_REGION or
 * AWS_DEFAULT_REGION (default us-east-1). Neither the keys nor the signed headers are ever printed.
 */
export function s3Access(env: NodeJS.ProcessEnv): { objectUrl(bucket: string, key: string): string; fetch: FetchLike } {
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const endpoint = env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL;
  const path = (key: string) => key.split('/').map(encodeURIComponent).join('/');
  const objectUrl = (bucket: string, key: string) =>
    endpoint
      ? `${endpoint.replace(/\/+$/, '')}/${encodeURIComponent(bucket)}/${path(key)}`
      : `https://${bucket}.s3.${region}.amazonaws.com/${path(key)}`;
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
  if (!accessKeyId || !secretAccessKey) return { objectUrl, fetch: (url, init) => httpGet(url, init.headers, init.signal) };
  const client = new AwsClient({ accessKeyId, secretAccessKey, sessionToken, service: 's3', region, retries: 0 });
  return {
    objectUrl,
    fetch: async (url, init) => {
      // Sign only; the GET itself goes through httpGet so a cut download keeps what arrived.
      const signed = await client.sign(url, { method: 'GET', headers: init.headers });
      return httpGet(signed.url, Object.fromEntries(signed.headers.entries()), init.signal);
    },
  };
}
