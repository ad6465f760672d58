import { describe, expect, it } from 'vitest';
import { browserLabel } from '../../extension/src/background/connect/browser-label';

describe('how a signed-in browser is named in Stripe Settings', () => {
  it.each([
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
      'Chrome on Windows',
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0',
      'Edge on Mac',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0', 'Firefox on Linux'],
    ['', 'A browser'],
  ])('%s → %s', (userAgent, label) => {
    expect(browserLabel(userAgent)).toBe(label);
  });
});
