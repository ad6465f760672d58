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
.hint { color: #57606a; font-size: 12px; }
`;
