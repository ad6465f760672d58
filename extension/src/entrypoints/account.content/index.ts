import { accountFeatures } from '../../features/scripts/account';
import { siteContentScript } from '../../features/site-content-script';
import { accountPagePaths } from '../../site/pages';

export default siteContentScript(accountPagePaths, accountFeatures);
