import { render } from 'preact';
import { StripeSettings } from '../../features/settings/stripe-settings';
import { i18n } from '../../i18n';

document.title = i18n.t('settings.title');
const app = document.getElementById('app');
if (app) render(<StripeSettings />, app);
