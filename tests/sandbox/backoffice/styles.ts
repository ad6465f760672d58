// The site's own look: an older back-office style, pink header, tab strip, bordered tables.
export const SITE_CSS = `
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 Verdana, Geneva, sans-serif; color: #2b2b2b; background: #f3eef0; }
a { color: #a1245f; }
#siteHeader { background: linear-gradient(#d9468a, #b22a6a); color: #fff; padding: 10px 24px; display: flex; align-items: center; justify-content: space-between; }
#siteHeader .brand { font: bold 20px Georgia, serif; letter-spacing: .5px; }
#siteHeader .brand small { font: 12px Verdana, sans-serif; opacity: .85; margin-left: 8px; }
#siteHeader .user { font-size: 13px; text-align: right; }
#siteHeader .user a { color: #fff; }
#mainNav { background: #fff; border-bottom: 3px solid #b22a6a; padding: 0 24px; }
#mainNav ul { list-style: none; margin: 0; padding: 0; display: flex; gap: 2px; }
#mainNav a { display: block; padding: 10px 18px; text-decoration: none; color: #555; border-radius: 5px 5px 0 0; }
#mainNav li.active a { background: #b22a6a; color: #fff; }
#subNav { padding: 8px 24px; background: #faf5f7; border-bottom: 1px solid #e3d5db; font-size: 13px; }
#subNav a { margin-right: 16px; }
#subNav a.current { font-weight: bold; color: #2b2b2b; text-decoration: none; }
#content { max-width: 1100px; margin: 20px auto; background: #fff; border: 1px solid #e3d5db; padding: 20px 28px 32px; }
h1 { font: normal 24px Georgia, serif; color: #a1245f; margin: 0 0 16px; }
h2 { font: normal 18px Georgia, serif; color: #a1245f; border-bottom: 1px solid #eddde4; padding-bottom: 4px; margin-top: 28px; }
table.grid { width: 100%; border-collapse: collapse; margin: 8px 0; }
table.grid th { background: #f6e9ef; text-align: left; padding: 6px 8px; border: 1px solid #e3d5db; font-weight: bold; font-size: 13px; }
table.grid td { padding: 6px 8px; border: 1px solid #eee3e8; }
table.grid td.num, table.grid th.num { text-align: right; white-space: nowrap; }
table.grid tr:nth-child(even) td { background: #fcf9fa; }
.totals { width: 340px; margin-left: auto; border-collapse: collapse; }
.totals th { text-align: left; padding: 4px 8px; font-weight: normal; }
.totals td { text-align: right; padding: 4px 8px; }
.totals tr.grand th, .totals tr.grand td, .totals tr.due th, .totals tr.due td { font-weight: bold; border-top: 1px solid #ccc; }
fieldset { border: 1px solid #e3d5db; margin: 16px 0; padding: 10px 16px; }
legend { color: #a1245f; font-weight: bold; padding: 0 6px; }
.field-row { display: flex; align-items: center; gap: 10px; margin: 6px 0; }
.field-row label { width: 180px; }
input[type=text], select, textarea { font: inherit; padding: 4px 6px; border: 1px solid #bbb; border-radius: 3px; }
input.amount { width: 110px; text-align: right; }
.btn { font: inherit; padding: 7px 18px; border-radius: 4px; border: 1px solid #8c1c51; background: #b22a6a; color: #fff; cursor: pointer; }
.btn.secondary { background: #fff; color: #8c1c51; }
.btn.small { padding: 2px 10px; font-size: 12px; }
.actions { margin-top: 16px; display: flex; gap: 10px; }
#reviewStep { border: 2px solid #b22a6a; background: #fff8fb; padding: 12px 18px; margin-top: 16px; }
.review-warning { color: #d00000; font-weight: bold; }
.notice { padding: 8px 12px; border-radius: 4px; margin-bottom: 14px; }
.notice.error { background: #fde2e2; border: 1px solid #e99; color: #900; }
.notice.success { background: #e6f5e6; border: 1px solid #9c9; color: #256025; }
dl.details { display: grid; grid-template-columns: 170px 1fr; gap: 4px 12px; margin: 8px 0; }
dl.details dt { color: #777; }
dl.details dd { margin: 0; }
.gateway-list { display: flex; flex-wrap: wrap; gap: 16px; }
.gateway { border: 1px solid #e3d5db; border-radius: 6px; padding: 10px 16px; min-width: 300px; }
.gateway h3 { margin: 0 0 6px; font-size: 15px; }
.status-connected { color: #217a21; font-weight: bold; }
.status-disconnected { color: #888; }
.reversed td { color: #999; text-decoration: line-through; }
.reversed td.payment-status, .reversed td.actions-cell { text-decoration: none; }
.email-preview { border: 1px solid #ddd; background: #fcfcfc; padding: 14px 18px; white-space: pre-wrap; font-family: Arial, sans-serif; }
.muted { color: #888; font-size: 12px; }
.cards { display: flex; gap: 16px; }
.card { flex: 1; border: 1px solid #e3d5db; padding: 12px; border-radius: 6px; }
.card .big { font-size: 24px; color: #a1245f; }
#siteFooter { text-align: center; color: #999; font-size: 11px; margin: 20px 0; }
`;
