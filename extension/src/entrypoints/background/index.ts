import { defineBackground } from 'wxt/utils/define-background';
import { listenForMessages } from '../../background/listen';

export default defineBackground(() => {
  listenForMessages();
});
