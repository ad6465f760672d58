// The typed client (background/worker-client.ts) walks the worker's route types, which name two of
// Cloudflare's globals. Only these two are declared here: D1Database from the importable (not
// global) form of @cloudflare/workers-types, ExportedHandler narrowed to the scheduled handler (its
// fetch handler speaks workers' Request, not the DOM's). No other worker global reaches the extension.
type D1Database = import('@cloudflare/workers-types/2023-07-01').D1Database;
interface ExportedHandler<Env = unknown> {
  fetch?: unknown;
  scheduled?: import('@cloudflare/workers-types/2023-07-01').ExportedHandlerScheduledHandler<Env>;
}
