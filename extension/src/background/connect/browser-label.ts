import { i18n } from '../../i18n';

/** How a consultant recognises a browser in the list of signed-in browsers: "Firefox on Windows". */
export function browserLabel(userAgent: string): string {
  const browserName = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const system = /Windows/.test(userAgent)
    ? 'Windows'
    : /Mac OS X|Macintosh/.test(userAgent)
      ? 'Mac'
      : /CrOS/.test(userAgent)
        ? 'ChromeOS'
        : /Android/.test(userAgent)
          ? 'Android'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  const name = browserName ?? i18n.t('browsers.aBrowser');
  return system ? i18n.t('connect.browserOn', [name, system]) : name;
}
