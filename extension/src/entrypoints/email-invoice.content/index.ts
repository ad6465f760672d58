import { emailInvoiceFeatures } from '../../features/scripts/email-invoice';
import { siteContentScript } from '../../features/site-content-script';
import { emailInvoicePagePaths } from '../../site/pages';

export default siteContentScript(emailInvoicePagePaths, emailInvoiceFeatures);
