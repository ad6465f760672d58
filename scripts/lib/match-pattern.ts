// Which pages a manifest content script runs on, the way the browser decides it: a match pattern's
// path part is matched against the URL's path *and query* (Chrome and Firefox alike; the fragment
// never counts), hosts ignore ports, and `exclude_matches` wins over `matches`. Used by the build
// report, the bench and the tests that check each site page loads the right script.

export interface ManifestContentScript {
  matches?: string[];
  exclude_matches?: string[];
  js?: string[];
}

const SCHEMES = new Set(['http', 'https', 'file', 'ftp', 'ws', 'wss']);

function glob(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
      .join('.*')}$`,
  );
}

function matchesPattern(pattern: string, url: URL): boolean {
  if (pattern === '<all_urls>') return SCHEMES.has(url.protocol.slice(0, -1));
  const parts = /^(\*|[a-z]+):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!parts) throw new Error(`Not a match pattern: ${pattern}`);
  const [, scheme = '', host = '', path = ''] = parts;
  const schemeOk =
    scheme === '*' ? url.protocol === 'http:' || url.protocol === 'https:' : url.protocol === `${scheme}:`;
  const hostOk =
    host === '*' ||
    (host.startsWith('*.')
      ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1))
      : url.hostname === host);
  return schemeOk && hostOk && glob(path).test(`${url.pathname}${url.search}`);
}

export function scriptRunsOn(script: ManifestContentScript, url: URL): boolean {
  return (
    (script.matches ?? []).some((p) => matchesPattern(p, url)) &&
    !(script.exclude_matches ?? []).some((p) => matchesPattern(p, url))
  );
}
