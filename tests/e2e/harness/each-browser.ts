import { join } from 'node:path';
import { afterEach, beforeEach, describe, inject } from 'vitest';
import { launchBrowser, type BrowserName, type E2EBrowser } from './browsers';
import type { E2EWorld } from './world';

export interface BrowserTestContext {
  world: E2EWorld;
  browserName: BrowserName;
  /** A fresh browser with the extension installed, closed after each test even when it fails. */
  browser(): E2EBrowser;
  artifact(name: string): string;
}

/** Declares the same suite once per browser the harness runs (Chromium and Firefox). */
export function describeEachBrowser(title: string, body: (t: BrowserTestContext) => void): void {
  const world = inject('e2e');
  for (const browserName of world.browsers) {
    describe(`${title} [${browserName}]`, () => {
      let current: E2EBrowser | null = null;
      beforeEach(async () => {
        current = await launchBrowser(browserName, world.extensionDirs);
      });
      afterEach(async () => {
        await current?.close();
        current = null;
      });
      body({
        world,
        browserName,
        browser: () => {
          if (!current) throw new Error('browser not launched');
          return current;
        },
        artifact: (name) => join(world.artifactsDir, `${browserName}-${name}`),
      });
    });
  }
}
