import type { Sim } from './sim.ts';
export async function handleThreeDSecure(_sim: Sim, _request: Request, _url: URL): Promise<Response> {
  return new Response('todo', { status: 501 });
}
