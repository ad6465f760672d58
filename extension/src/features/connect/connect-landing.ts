import { askBackground } from '../../utils/ask-background';

/**
 * Hands the fragment of the worker's /connect/done page (`#code=…` or `#error=…`) to the background,
 * which alone holds the verifier that makes the code worth anything. The fragment is then wiped
 * from the address bar and history, so the code is not left behind if the tab stays open.
 */
export async function reportConnectLanding(win: Window): Promise<void> {
  const hash = win.location.hash;
  if (hash === '') return;
  await askBackground({ type: 'connect:done', hash });
  win.history.replaceState(null, '', win.location.pathname);
}
