export function STRIPE_JS_SOURCE(_origin: string): string {
  return '';
}
