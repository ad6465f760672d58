import { invoiceFeatures } from '../../features/scripts/invoice';
import { siteContentScript } from '../../features/site-content-script';
import { invoicePagePaths } from '../../site/pages';

export default siteContentScript(invoicePagePaths, invoiceFeatures);
