// Kept small and neutral so the panel sits in a back-office form like one of its own notes; it lives
// in a shadow root, so none of this leaks into the site and none of the site's CSS leaks in.
export const PANEL_CSS = `
:host { display: block !important; }
.panel { margin: 6px 0;
  display: inline-flex; align-items: center; gap: 6px; box-sizing: border-box; max-width: 100%;
  padding: 4px 10px; border: 1px solid #d0d7de; border-radius: 4px; background: #f6f8fa;
  font-size: 12px; line-height: 1.4; color: #24292f;
}
.dot { width: 8px; height: 8px; border-radius: 50%; background: #8c959f; flex: none; }
.panel[data-state="ok"] .dot { background: #1a7f37; }
.panel[data-state="down"] { border-color: #f0b4b4; background: #fff5f5; }
.panel[data-state="down"] .dot { background: #cf222e; }
.panel button {
  font: inherit; color: #0969da; background: none; border: 0; padding: 0 0 0 4px;
  cursor: pointer; text-decoration: underline;
}
`;
