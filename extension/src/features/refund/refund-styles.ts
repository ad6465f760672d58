import { SITE_BUTTON_CSS } from '../../components/site-buttons';

// The row's markers and the refund dialog, inside each row's shadow root. Buttons are the site's own
// (components/site-buttons.ts), so the dialog reads as part of the back office.
export const REFUND_CSS = `${SITE_BUTTON_CSS}
:host{display:inline-block !important;margin-left:6px !important;font-size:12px !important;line-height:1.4 !important;color:#2b2b2b !important;vertical-align:middle !important}
[hidden]{display:none !important}
.marker{display:inline-flex;align-items:center;justify-content:center;min-width:24px;min-height:24px;padding:2px;border:0;border-radius:4px;background:none;vertical-align:middle}
.marker:focus-visible,input:focus-visible,select:focus-visible{outline:2px solid #0969da;outline-offset:1px}
.green{color:#1a7f37}.red{color:#cf222e}.muted{color:#595959}
.row-line{display:block;max-width:22em;margin:2px 0 0}.row-line:empty{margin:0}
.problem{color:#b3261e}
.details{display:block;max-width:22em;margin:2px 0 0;color:#2b2b2b}
dialog{box-sizing:border-box;width:min(26rem,calc(100vw - 2rem));padding:16px 20px;border:1px solid #bbb;border-radius:6px;color:#2b2b2b;font-size:14px;line-height:1.45}
dialog::backdrop{background:rgba(0,0,0,.35)}
h2{margin:0 0 12px;font-size:16px}
label{display:block;margin:10px 0 4px;font-weight:bold}
.money{display:flex;align-items:stretch;width:11em}
.sign{display:flex;align-items:center;padding:0 8px;border:1px solid #bbb;border-right:0;border-radius:3px 0 0 3px;background:#f3f3f3}
input,select{font:inherit;box-sizing:border-box;min-height:32px;padding:4px 6px;border:1px solid #bbb;border-radius:3px}
input{width:100%;text-align:right;border-radius:0 3px 3px 0}
input[aria-invalid="true"]{border-color:#b3261e}
select{width:100%}
dialog p{margin:10px 0 0}
.afterwards{font-weight:bold;min-height:1.45em}
.buttons{display:flex;flex-wrap:wrap;justify-content:flex-end;gap:8px;margin-top:16px}
`;
