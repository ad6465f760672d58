import { invoiceListsFeatures } from '../../features/scripts/invoice-lists';
import { siteContentScript } from '../../features/site-content-script';
import { invoiceListPagePaths } from '../../site/pages';

export default siteContentScript(invoiceListPagePaths, invoiceListsFeatures);
