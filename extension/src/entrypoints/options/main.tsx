import { render } from 'preact';
import { StripeSettings } from '../../features/settings/stripe-settings';

const app = document.getElementById('app');
if (app) render(<StripeSettings />, app);
