import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Personal data at rest (ID numbers, phones, bank cards): AES-256-GCM with a random IV per value,
 * and a keyed HMAC-SHA256 for exact lookup, so the database never holds a searchable plain value.
 * Stored form: `<keyId>.<iv>.<tag>.<ciphertext>` (base64url), so keys can be rotated later.
 */
export interface PiiProtector {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Deterministic keyed hash: equal inputs give equal hashes; without the key it reveals nothing. */
  lookupHash(plain: string): string;
}

const KEY_ID = 'k1';

function decodeKey(name: string, base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes, base64-encoded`);
  return key;
}

export function createPiiProtector(settings: { PII_ENCRYPTION_KEY: string; PII_HASH_KEY: string }): PiiProtector {
  const encryptionKey = decodeKey('PII_ENCRYPTION_KEY', settings.PII_ENCRYPTION_KEY);
  const hashKey = decodeKey('PII_HASH_KEY', settings.PII_HASH_KEY);
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [KEY_ID, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
    },
    decrypt(stored) {
      const [keyId, iv, tag, ciphertext] = stored.split('.');
      if (keyId !== KEY_ID || !iv || !tag || ciphertext === undefined) throw new Error('unreadable encrypted value (unknown key or format)');
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    },
    lookupHash(plain) {
      return createHmac('sha256', hashKey).update(plain, 'utf8').digest('base64url');
    },
  };
}

function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  if (value.length <= keepStart + keepEnd) return '*'.repeat(value.length);
  return value.slice(0, keepStart) + '*'.repeat(value.length - keepStart - keepEnd) + value.slice(value.length - keepEnd);
}

/** 11010519491231002X → 110105********002X (region and last four stay readable for a clerk). */
export const maskIdNumber = (idNumber: string) => maskMiddle(idNumber, 6, 4);
/** 13812345678 → 138****5678. */
export const maskPhone = (phone: string) => maskMiddle(phone, 3, 4);
/** 6222021234567890123 → 6222***********0123. */
export const maskBankCard = (cardNumber: string) => maskMiddle(cardNumber, 4, 4);
