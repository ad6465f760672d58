// Worker pages are server-rendered strings; every interpolated value goes through `escape`.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** Marks a string as already-safe HTML so `html` does not escape it twice. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolation = string | number | SafeHtml | null | undefined | SafeHtml[];

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    if (Array.isArray(value)) out += value.map((v) => v.value).join('');
    else if (value instanceof SafeHtml) out += value.value;
    else if (value !== null && value !== undefined) out += escape(String(value));
    out += strings[i + 1] ?? '';
  });
  return new SafeHtml(out);
}

/** A calm, branded page shell shared by the connect, card and pay pages. */
export function page(title: string, body: SafeHtml, head: SafeHtml = html``): string {
  return `<!doctype html>${
    html`<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${title}</title>
<style>
*,*::before,*::after{box-sizing:border-box}
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f6f7fb;color:#1f2430;margin:0}
main{max-width:520px;margin:48px auto;background:#fff;border:1px solid #e3e6ee;border-radius:10px;padding:28px 32px;box-shadow:0 2px 10px rgba(20,30,60,.06)}
@media (max-width:560px){body{background:#fff}main{margin:0;border:0;border-radius:0;box-shadow:none;padding:20px 16px}}
.biz{margin:0 0 4px;color:#5f6675;font-weight:600;overflow-wrap:anywhere}
dl.facts{display:flex;flex-wrap:wrap;gap:8px 28px;margin:0 0 16px}
dl.facts dt{font-size:13px;color:#5f6675}
dl.facts dd{margin:0;font-weight:600;overflow-wrap:anywhere}
table.lines{width:100%;border-collapse:collapse;margin:0 0 20px;font-size:14px}
table.lines th,table.lines td{text-align:left;padding:6px 4px;border-bottom:1px solid #e3e6ee;overflow-wrap:anywhere}
table.lines th{font-weight:600;color:#5f6675;font-size:13px}
table.lines .num{text-align:right;white-space:nowrap}
.consent{font-size:14px;line-height:1.45;background:#f6f7fb;border-radius:6px;padding:10px 12px}
#payment-element{min-width:0;max-width:100%}
#payment-element iframe{max-width:100%}
h1{font-size:20px;margin:0 0 12px}
p{line-height:1.5}
.ok{color:#137333}.err{color:#b3261e}
.muted{color:#5f6675;font-size:14px}
button{font:inherit;max-width:100%;padding:10px 18px;border-radius:6px;border:0;background:#635bff;color:#fff;cursor:pointer}
button[disabled]{opacity:.6;cursor:default}
</style>${head}</head><body><main>${body}</main></body></html>`.value
  }`;
}
