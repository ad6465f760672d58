import { render } from 'preact';
import { StripeSettings } from '../../components/stripe-settings';

const app = document.getElementById('app');
if (app) render(<StripeSettings />, app);
