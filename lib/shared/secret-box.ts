import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AwsClient } from 'aws4fetch';
import { config } from '../config';

/**
 * Seals small secrets (webhook signing secrets; later redemption codes) before they are stored, with a key the
 * table's readers do not hold: KMS deployed (`SECRETS_KMS_KEY`, only the functions that create or use a secret
 * may call it), a key file locally (`SECRETS_KEY_FILE`, AES-256-GCM). A sealed value names its box, and is bound
 * to its `context` (what it belongs to): opened with another context, or altered, it fails.
 */
export interface SecretBox {
  seal(plaintext: string, context: SecretContext): Promise<string>;
  open(sealed: string, context: SecretContext): Promise<string>;
}

/** What a secret belongs to, e.g. `{ purpose: 'webhook-signing-secret', providerId }`: strings only (KMS's encryption context). */
export type SecretContext = Record<string, string>;

/** Sorted, so a context binds the same bytes however its keys were written. */
const contextBytes = (context: SecretContext) => Buffer.from(JSON.stringify(Object.entries(context).sort(([a], [b]) => a.localeCompare(b))));

const LOCAL = 'local:v1:';
const KMS = 'kms:v1:';

/** AES-256-GCM under a 32-byte key (base64 in the file): `local:v1:` + base64(iv ‖ tag ‖ ciphertext). */
export const keyFileBox = (keyFile: string): SecretBox => {
  let key: Buffer | undefined;
  const keyOf = () => {
    key ??= Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`the secret key in ${keyFile} is not 32 bytes of base64`);
    return key;
  };
  return {
    seal: async (plaintext, context) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyOf(), iv).setAAD(contextBytes(context));
      const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return LOCAL + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
    },
    open: async (sealed, context) => {
      if (!sealed.startsWith(LOCAL)) throw new Error('not sealed by the local key');
      const raw = Buffer.from(sealed.slice(LOCAL.length), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', keyOf(), raw.subarray(0, 12)).setAAD(contextBytes(context));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
};

/**
 * KMS Encrypt/Decrypt directly (a secret is far below KMS's 4 KB), signed with aws4fetch as the S3 calls are: the
 * SDK's KMS client would add its own copy of the protocol stack to each bundle. `endpoint` only for tests.
 */
export const kmsBox = (keyId: string, region: string, endpoint = `https://kms.${region}.amazonaws.com/`): SecretBox => {
  const client = new AwsClient({
    accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? '',
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? '',
    sessionToken: process.env.AWS_SESSION_TOKEN,
    service: 'kms',
    region,
    retries: 2,
  });
  const call = async (action: 'Encrypt' | 'Decrypt', body: Record<string, unknown>) => {
    const res = await client.fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `TrentService.${action}` },
      body: JSON.stringify(body),
    });
    const answer = (await res.json().catch(() => ({}))) as Record<string, string>;
    if (!res.ok) throw new Error(`KMS ${action} failed: ${res.status} ${answer.__type ?? ''}`.trim());
    return answer;
  };
  return {
    seal: async (plaintext, context) => {
      const out = await call('Encrypt', { KeyId: keyId, Plaintext: Buffer.from(plaintext, 'utf8').toString('base64'), EncryptionContext: context });
      return KMS + out.CiphertextBlob;
    },
    open: async (sealed, context) => {
      if (!sealed.startsWith(KMS)) throw new Error('not sealed by KMS');
      const out = await call('Decrypt', { KeyId: keyId, CiphertextBlob: sealed.slice(KMS.length), EncryptionContext: context });
      return Buffer.from(out.Plaintext ?? '', 'base64').toString('utf8');
    },
  };
};

let chosen: SecretBox | undefined;

/** The stage's box, chosen by configuration: KMS when a key is configured, else the local key file. */
export const secretBox = (): SecretBox => {
  if (chosen) return chosen;
  const { kmsKey, keyFile } = config.secrets;
  if (kmsKey) chosen = kmsBox(kmsKey, config.region);
  else if (keyFile) chosen = keyFileBox(keyFile);
  else throw new Error('no secret key configured: set SECRETS_KMS_KEY (deployed) or SECRETS_KEY_FILE (local)');
  return chosen;
};
