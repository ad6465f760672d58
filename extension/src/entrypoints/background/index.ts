import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { restrictStorageToExtension } from '../../background/connect/account-state';
import { restoreExtraSite } from '../../background/site/extra-site';
import { listenForMessages } from '../../background/listen';

export default defineBackground(() => {
  listenForMessages();
  void restrictStorageToExtension(browser.storage.local);
  void restoreExtraSite();
  // The toolbar button (MV3 `action`, Firefox MV2 `browser_action`) opens Stripe Settings.
  (browser.action ?? browser.browserAction).onClicked.addListener(() => void browser.runtime.openOptionsPage());
});
