import { createGraphServices } from '../ui/session/graphServices';
import { startPage } from '../ui';
import { TaskPanePage } from './TaskPanePage';

startPage(TaskPanePage, { titleKey: 'pages.taskpane', createServices: createGraphServices });
