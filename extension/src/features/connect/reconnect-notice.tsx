import { i18n } from '../../i18n';

export const RECONNECT_CSS = `
:host { display: block !important; margin: 8px 0 !important; }
.notice { display: inline-flex; align-items: center; gap: 8px; padding: 6px 12px; border: 1px solid #f0b4b4;
  border-radius: 4px; background: #fff5f5; color: #b42318;
  font-size: 13px; line-height: 1.4; }
button { font: inherit; color: #0969da; background: none; border: 0; padding: 0; cursor: pointer; text-decoration: underline; }
`;

export function ReconnectNotice({ onOpenSettings }: { onOpenSettings: () => void }) {
  return (
    <div class="notice" role="alert" data-testid="stripe-reconnect">
      <span>{i18n.t('reconnect.sentence')}</span>
      <button type="button" onClick={onOpenSettings}>
        {i18n.t('reconnect.open')}
      </button>
    </div>
  );
}
