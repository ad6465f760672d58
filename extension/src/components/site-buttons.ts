// The back office's own buttons (.btn: magenta with white text; .btn.secondary: outlined; .btn.small),
// copied into each shadow root that draws a button, so what we inject reads as the site's own.
// Targets stay at least 24 px high (WCAG 2.2 target size); focus shows a ring the site lacks.
export const SITE_BUTTON_CSS = `
button{font:inherit;cursor:pointer}
.btn{font:inherit;min-height:32px;padding:6px 16px;border-radius:4px;border:1px solid #8c1c51;background:#b22a6a;color:#fff;cursor:pointer}
.btn.secondary{background:#fff;color:#8c1c51}
.btn.small{min-height:24px;padding:2px 10px;font-size:12px}
.btn:disabled{opacity:.6;cursor:default}
.btn:focus-visible{outline:2px solid #0969da;outline-offset:1px}
`;
