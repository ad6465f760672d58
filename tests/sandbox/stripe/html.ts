export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );
}

const STYLE = `body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;background:#f6f9fc;color:#30313d;margin:0}
main{max-width:28rem;margin:3rem auto;background:#fff;border-radius:8px;box-shadow:0 2px 8px rgba(0,0,0,.08);padding:2rem}
h1{font-size:1.25rem;margin-top:0}.brand{color:#635bff;font-weight:700;margin-bottom:1rem}label{display:block;margin:.75rem 0 .25rem}
input[type=email],input[type=password],input[type=text]{width:100%;box-sizing:border-box;padding:.5rem;border:1px solid #ccc;border-radius:4px}
button{margin-top:1rem;padding:.6rem 1.2rem;border-radius:4px;border:0;background:#635bff;color:#fff;font-size:1rem;cursor:pointer}
button.secondary{background:#e3e8ee;color:#30313d}.error{color:#df1b41}.account{display:flex;gap:.5rem;align-items:center;margin:.5rem 0}
.note{color:#6a7383;font-size:.9rem}`;

/** A page styled like Stripe's hosted pages (the sandbox banner says it is not Stripe). */
export function page(title: string, body: string, status = 200): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head>
<body><main><div class="brand">stripe <span class="note">(sandbox)</span></div>${body}</main></body></html>`;
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

export function redirect(location: string): Response {
  return new Response(null, { status: 302, headers: { location } });
}
