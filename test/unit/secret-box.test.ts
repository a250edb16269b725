import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyFileBox, kmsBox } from '../../lib/shared/secret-box';

const context = { purpose: 'webhook-signing-secret', providerId: 'p-1' };
const secret = `whsec_${randomBytes(24).toString('base64')}`;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'secret-box-'));
  writeFileSync(join(dir, 'key'), randomBytes(32).toString('base64'));
  writeFileSync(join(dir, 'other'), randomBytes(32).toString('base64'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the local secret box (AES-256-GCM under a key file)', () => {
  it('seals to a value that holds nothing of the secret, and opens it again', async () => {
    const box = keyFileBox(join(dir, 'key'));
    const sealed = await box.seal(secret, context);
    expect(sealed).toMatch(/^local:v1:/);
    expect(sealed).not.toContain(secret);
    expect(sealed).not.toContain(secret.slice(6));
    expect(await box.seal(secret, context)).not.toBe(sealed);
    expect(await box.open(sealed, { providerId: 'p-1', purpose: 'webhook-signing-secret' })).toBe(secret);
  });

  it('refuses to open under another context, another key, or once altered', async () => {
    const box = keyFileBox(join(dir, 'key'));
    const sealed = await box.seal(secret, context);
    await expect(box.open(sealed, { ...context, providerId: 'p-2' })).rejects.toThrow();
    await expect(keyFileBox(join(dir, 'other')).open(sealed, context)).rejects.toThrow();
    const raw = Buffer.from(sealed.slice('local:v1:'.length), 'base64');
    raw[raw.length - 1] ^= 1;
    await expect(box.open(`local:v1:${raw.toString('base64')}`, context)).rejects.toThrow();
    await expect(box.open('kms:v1:AAAA', context)).rejects.toThrow(/local key/);
  });
});

describe('the KMS secret box', () => {
  // KMS has no local emulator here: a loopback server stands in for its two JSON operations
  let server: Server;
  let endpoint: string;
  const calls: Array<{ target: string; authorization: string; body: any }> = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let text = '';
      req.on('data', (c) => (text += c));
      req.on('end', () => {
        const body = JSON.parse(text);
        calls.push({ target: String(req.headers['x-amz-target']), authorization: String(req.headers.authorization), body });
        res.setHeader('content-type', 'application/x-amz-json-1.1');
        if (req.headers['x-amz-target'] === 'TrentService.Encrypt') {
          const blob = Buffer.from(JSON.stringify({ p: body.Plaintext, c: body.EncryptionContext })).toString('base64');
          return res.end(JSON.stringify({ CiphertextBlob: blob, KeyId: body.KeyId }));
        }
        const held = JSON.parse(Buffer.from(body.CiphertextBlob, 'base64').toString());
        if (JSON.stringify(held.c) !== JSON.stringify(body.EncryptionContext)) {
          res.statusCode = 400;
          return res.end(JSON.stringify({ __type: 'InvalidCiphertextException' }));
        }
        res.end(JSON.stringify({ Plaintext: held.p, KeyId: body.KeyId }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('calls Encrypt and Decrypt signed, with the key and the encryption context', async () => {
    process.env.AWS_ACCESS_KEY_ID ??= 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'example';
    const box = kmsBox('arn:aws:kms:eu-west-1:111122223333:key/k-1', 'eu-west-1', endpoint);
    const sealed = await box.seal(secret, context);
    expect(sealed).toMatch(/^kms:v1:/);
    expect(await box.open(sealed, context)).toBe(secret);
    expect(calls.map((c) => c.target)).toEqual(['TrentService.Encrypt', 'TrentService.Decrypt']);
    for (const c of calls) {
      expect(c.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=\S+\/eu-west-1\/kms\/aws4_request/);
      expect(c.body).toMatchObject({ KeyId: 'arn:aws:kms:eu-west-1:111122223333:key/k-1', EncryptionContext: context });
    }
    await expect(box.open(sealed, { ...context, providerId: 'p-2' })).rejects.toThrow(/InvalidCiphertextException/);
  });
});
