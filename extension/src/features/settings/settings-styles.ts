// The look of the back office's own Account page (tests/sandbox/backoffice/styles.ts: Verdana, the
// rose headings, bordered gateway cards, the filled and outlined buttons), so Stripe Settings reads
// as one of the site's pages. Greys are a shade darker than the site's, which fail WCAG contrast.
export const SETTINGS_CSS = `
* { box-sizing: border-box; }
body { margin: 0; background: #f3eef0; color: #2b2b2b; font: 14px/1.45 Verdana, Geneva, sans-serif; }
main { max-width: 760px; margin: 20px auto; background: #fff; border: 1px solid #e3d5db; padding: 20px 28px 32px; }
h1 { font: normal 24px Georgia, serif; color: #a1245f; margin: 0 0 16px; }
h2 { font: normal 18px Georgia, serif; color: #a1245f; border-bottom: 1px solid #eddde4; padding-bottom: 4px; margin: 0 0 10px; }
section, details.advanced { border: 1px solid #e3d5db; border-radius: 6px; padding: 10px 16px; margin: 0 0 16px; }
p { margin: 0 0 8px; }
a { color: #a1245f; }
code { font: 12px/1.4 Consolas, monospace; background: #faf5f7; padding: 1px 4px; border-radius: 3px; }
ul { margin: 0 0 8px; padding-left: 20px; } li { margin: 4px 0; }
form { display: flex; gap: 10px; flex-wrap: wrap; align-items: center; margin: 6px 0; }
input[type="url"] { flex: 1 1 260px; font: inherit; padding: 4px 6px; border: 1px solid #8a8a8a; border-radius: 3px; }
button { font: inherit; padding: 5px 14px; border-radius: 4px; border: 1px solid #8c1c51; background: #fff; color: #8c1c51; cursor: pointer; }
button.primary, form button[type="submit"] { background: #b22a6a; color: #fff; }
button:disabled { opacity: .6; cursor: default; }
button:focus-visible, summary:focus-visible, input:focus-visible, textarea:focus-visible { outline: 2px solid #a1245f; outline-offset: 2px; }
li button { padding: 1px 10px; font-size: 12px; }
.error { background: #fde2e2; border: 1px solid #e99; color: #900; padding: 8px 12px; border-radius: 4px; }
.ok { color: #217a21; font-weight: bold; } .bad { color: #b42318; font-weight: bold; }
.advice { background: #fff8e1; border: 1px solid #d4a72c; border-radius: 4px; padding: 8px 12px; }
.actions { margin: 10px 0; display: flex; gap: 10px; align-items: center; }
.default-gateway { border-top: 1px solid #eddde4; margin-top: 12px; padding-top: 12px; }
.hint { color: #666; font-size: 12px; }
details.advanced > summary { cursor: pointer; color: #a1245f; font: normal 16px Georgia, serif; }
details.advanced[open] > summary { margin-bottom: 10px; }
details.advanced section { border: 0; border-top: 1px solid #eddde4; border-radius: 0; padding: 10px 0 0; }
dl.details { display: grid; grid-template-columns: 170px 1fr; gap: 4px 12px; margin: 8px 0; }
dl.details dt { color: #666; } dl.details dd { margin: 0; overflow-wrap: anywhere; }
textarea { width: 100%; font: 12px/1.4 Consolas, monospace; border: 1px solid #8a8a8a; border-radius: 3px; }
`;
