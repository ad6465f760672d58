// What the invoice page's deferred part (scripts/invoice-deferred.ts) takes from the invoice page's
// script instead of carrying copies: one Preact and one store on the page, and the mounting and
// messaging code both use shipped once. scripts/lib/deferred-externals.ts reads this list to build
// the deferred part. A module named here is kept whole in the page's script, so only modules that
// script already uses whole belong here (the build's size report shows the cost).
export * as preact from 'preact';
export * as chargeStore from '../charge/charge-store';
export * as chargeMount from '../charge/charge-mount';
export * as shadowMount from '../../components/shadow-mount';
export * as i18n from '../../i18n';
export * as askBackground from '../../utils/ask-background';
