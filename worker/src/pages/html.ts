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
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f6f7fb;color:#1f2430;margin:0}
main{max-width:520px;margin:48px auto;background:#fff;border:1px solid #e3e6ee;border-radius:10px;padding:28px 32px;box-shadow:0 2px 10px rgba(20,30,60,.06)}
h1{font-size:20px;margin:0 0 12px}
p{line-height:1.5}
.ok{color:#137333}.err{color:#b3261e}
.muted{color:#5f6675;font-size:14px}
button{font:inherit;padding:10px 18px;border-radius:6px;border:0;background:#635bff;color:#fff;cursor:pointer}
button[disabled]{opacity:.6;cursor:default}
</style>${head}</head><body><main>${body}</main></body></html>`.value
  }`;
}
