import type { ContentScriptContext } from '../utils/content-script-context';
import { missingShape, type ShapeCheck } from '../site/shape';

// Each feature file registers itself here (as refined-github does); the content script runs every
// feature whose page predicate accepts the current URL, each in isolation.

export interface FeatureContext {
  /** WXT's content-script context: its listeners and timers stop when the extension goes away. */
  ctx: ContentScriptContext;
  document: Document;
  url: URL;
}

export interface Feature {
  /** Kebab-case, equal to the file name; shows in logs when the feature fails. */
  id: string;
  appliesTo: (url: URL) => boolean;
  /** Example site URLs the feature applies to; the convention test checks them against appliesTo. */
  testUrls: string[];
  /** The parts of the page it reads or attaches to (site/shape.ts); checked before any feature starts. */
  needs: readonly ShapeCheck[] | ((url: URL) => readonly ShapeCheck[]);
  /** Must stop every listener and observer it starts when `signal` aborts. */
  init: (signal: AbortSignal, context: FeatureContext) => void | Promise<void>;
}

const registered = new Map<string, Feature>();

export function defineFeature(feature: Feature): Feature {
  if (registered.has(feature.id)) throw new Error(`Feature "${feature.id}" is defined twice`);
  registered.set(feature.id, feature);
  return feature;
}

/**
 * What the page lacks of what the features that apply to it need. Anything missing means the page
 * is not a layout this version knows, and none of its features may start: a control wired to the
 * wrong field is worse than none.
 */
export function missingFeatureShape(
  features: readonly Feature[],
  context: Pick<FeatureContext, 'document' | 'url'>,
): string[] {
  const needs = features
    .filter((feature) => safelyApplies(feature, context.url))
    .flatMap((feature) => (typeof feature.needs === 'function' ? feature.needs(context.url) : feature.needs));
  return needs.length > 0 ? missingShape(context.document, needs) : [];
}

export interface RunningFeatures {
  /** Settles once every applicable feature's init has returned or failed. */
  ready: Promise<void>;
  stop: () => void;
}

/**
 * Starts the features that apply to `context.url`. A feature that throws (at once or later in its
 * promise) is logged and stopped; the others carry on.
 */
export function runFeatures(
  features: readonly Feature[],
  context: FeatureContext,
  parent?: AbortSignal,
): RunningFeatures {
  const controllers: AbortController[] = [];
  const starts = features
    .filter((feature) => safelyApplies(feature, context.url))
    .map(async (feature) => {
      const controller = new AbortController();
      controllers.push(controller);
      const signal = parent ? AbortSignal.any([parent, controller.signal]) : controller.signal;
      try {
        await feature.init(signal, context);
      } catch (error) {
        controller.abort();
        console.error(`[stripe-bridge] feature "${feature.id}" failed`, error);
      }
    });
  return {
    ready: Promise.all(starts).then(() => undefined),
    stop: () => {
      for (const controller of controllers) controller.abort();
    },
  };
}

function safelyApplies(feature: Feature, url: URL): boolean {
  try {
    return feature.appliesTo(url);
  } catch (error) {
    console.error(`[stripe-bridge] feature "${feature.id}" could not test the page`, error);
    return false;
  }
}
