export const SETTINGS_CSS = `
body { margin: 0; background: #f6f8fa; color: #24292f;
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
main { max-width: 640px; margin: 32px auto; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 16px; }
section { background: #fff; border: 1px solid #d0d7de; border-radius: 6px; padding: 16px; margin-bottom: 16px; }
h2 { font-size: 15px; margin: 0 0 8px; }
p { margin: 0 0 8px; }
code { background: #f6f8fa; padding: 1px 4px; border-radius: 3px; }
form { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
input[type="url"] { flex: 1 1 260px; padding: 5px 8px; border: 1px solid #d0d7de; border-radius: 4px; font: inherit; }
form button { padding: 5px 12px; border: 1px solid #d0d7de; border-radius: 4px; background: #f6f8fa; font: inherit; cursor: pointer; }
form button[type="submit"] { background: #1f6feb; border-color: #1f6feb; color: #fff; }
.error { color: #cf222e; }
.ok { color: #1a7f37; font-weight: 600; } .bad { color: #cf222e; font-weight: 600; }
.advice { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 4px; padding: 6px 10px; }
.actions { margin: 8px 0; }
.actions button { padding: 6px 14px; border: 1px solid #d0d7de; border-radius: 4px; background: #f6f8fa; font: inherit; cursor: pointer; }
.actions button.primary { background: #635bff; border-color: #635bff; color: #fff; }
.default-gateway { border-top: 1px solid #d0d7de; margin-top: 12px; padding-top: 12px; }
.hint { color: #57606a; font-size: 12px; }
`;
