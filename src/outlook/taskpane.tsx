import { startPage } from '../ui/start';

// Only the boot spinner is in the first load; the pane, the shell and the Graph services load after it.
startPage({
  titleKey: 'pages.taskpane',
  load: async () => {
    const [{ TaskPanePage }, { createGraphServices }] = await Promise.all([import('./TaskPanePage'), import('../ui/session/graphServices')]);
    return { page: TaskPanePage, createServices: createGraphServices };
  },
});
