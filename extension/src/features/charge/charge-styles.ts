import { SITE_BUTTON_CSS } from '../../components/site-buttons';

// Looks like one of the site's own payment rows, buttons and notices; the font comes from the page
// (see shadow-mount.tsx), the rest is copied here because the shadow root keeps the site's
// stylesheet out. Buttons are the site's own (components/site-buttons.ts).
export const CHARGE_CSS = `${SITE_BUTTON_CSS}
:host{display:block !important;color:#2b2b2b !important}
*{box-sizing:border-box}
.row{display:flex;align-items:center;gap:10px;margin:6px 0}
label{width:180px}
input{font:inherit;padding:4px 6px;border:1px solid #bbb;border-radius:3px;width:110px;text-align:right}
input[aria-invalid=true]{border-color:#d00000}
.note{margin:2px 0 6px 190px;font-size:12px;color:#666}
.bad,.warn{color:#d00000}
.warn{font-weight:bold}
.warn:focus{outline:2px solid #b22a6a;outline-offset:2px}
.done{color:#217a21;font-weight:bold;margin:4px 0}
.spin{display:inline-block;width:10px;height:10px;border:2px solid #ccc;border-top-color:#a1245f;border-radius:50%;animation:s 1s linear infinite;vertical-align:middle}
@keyframes s{to{transform:rotate(360deg)}}
table{border-collapse:collapse;font-size:12px;margin:4px 0}
td,th{border:1px solid #e3d5db;padding:3px 6px;text-align:left}
`;
