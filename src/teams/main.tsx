import { startPage } from '../ui/start';

// Only the boot spinner is in the first load; the tab, the shell and the Graph services load after it.
startPage({
  titleKey: 'pages.tab',
  load: async () => {
    const [{ TabPage }, { createGraphServices }] = await Promise.all([import('./TabPage'), import('../ui/session/graphServices')]);
    return { page: TabPage, createServices: createGraphServices };
  },
});
