import { PANEL_CSS } from '../../components/panel-styles';
import { i18n } from '../../i18n';
import { StripeConnectSection } from '../connect/settings-section';
import { SignedInBrowsers } from '../connect/signed-in-browsers';
import { AdvancedSettings } from './advanced-settings';
import { SETTINGS_CSS } from './settings-styles';
import { StripeSiteSection } from './site-section';

/** The options page: the Stripe account, the browsers signed in to it, where the controls run; the rest under Advanced. */
export function StripeSettings() {
  return (
    <main>
      <style>{SETTINGS_CSS + PANEL_CSS}</style>
      <h1>{i18n.t('settings.title')}</h1>
      <section aria-labelledby="stripe-heading">
        <h2 id="stripe-heading">{i18n.t('settings.accountHeading')}</h2>
        <StripeConnectSection />
      </section>
      <SignedInBrowsers />
      <StripeSiteSection />
      <AdvancedSettings />
    </main>
  );
}
