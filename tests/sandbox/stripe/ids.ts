const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random alphanumerics from crypto.getRandomValues (works in Node and workerd alike). */
export function randomToken(length: number): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return out;
}

/** Stripe-looking object id, e.g. `pi_3Q…` (24 characters after the prefix). */
export function newId(prefix: string): string {
  return `${prefix}_${randomToken(24)}`;
}

export function clientSecretFor(id: string): string {
  return `${id}_secret_${randomToken(25)}`;
}
