import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { restrictStorageToExtension } from '../../background/connect/account-state';
import { restoreExtraSite } from '../../background/site/extra-site';
import { listenForMessages } from '../../background/listen';

export default defineBackground(() => {
  listenForMessages();
  void restrictStorageToExtension(browser.storage.local);
  void restoreExtraSite();
});
