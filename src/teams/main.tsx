import { createGraphServices } from '../ui/session/graphServices';
import { startPage } from '../ui';
import { TabPage } from './TabPage';

startPage(TabPage, { titleKey: 'pages.tab', createServices: createGraphServices });
