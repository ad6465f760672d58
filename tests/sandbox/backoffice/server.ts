import { DEFAULT_BACKOFFICE_PORT, startBackoffice } from './index.ts';

// `npm run site`: the stand-in back office on its own (BACKOFFICE_PORT, BACKOFFICE_DATA_FILE).
const port = process.env.BACKOFFICE_PORT ? Number(process.env.BACKOFFICE_PORT) : DEFAULT_BACKOFFICE_PORT;
const site = await startBackoffice({ port });
console.log(
  `QT Office Manager stand-in: ${site.url}  (invoices: ${site.url}/invoices/unpaid, account: ${site.url}/account)`,
);

const stop = (): void => {
  void site.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
