// Random secrets and their digests. Everything we hand out is ≥ 256 bits of randomness; only
// its SHA-256 is stored, so a leaked database holds nothing usable.

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function randomSecret(prefix = '', bytes = 32): string {
  return prefix + base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

export async function sha256Base64Url(text: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}

/** Digest used as the lookup key for stored secrets. */
/** Secrets we hand out (tokens, codes, link tokens) are stored only as this hash. */
export function hashSecret(secret: string): Promise<string> {
  return sha256Base64Url(secret);
}
