import { configureTeamTab, type TeamsConfigSdk } from './teamTabConfig';

function fakeSdk(setConfig: TeamsConfigSdk['pages']['config']['setConfig'] = async () => undefined) {
  const calls: string[] = [];
  let onSave: Parameters<TeamsConfigSdk['pages']['config']['registerOnSaveHandler']>[0] | undefined;
  const sdk: TeamsConfigSdk = {
    app: { initialize: async () => void calls.push('initialize'), notifySuccess: () => void calls.push('notifySuccess') },
    pages: {
      config: {
        registerOnSaveHandler: (handler) => {
          onSave = handler;
          calls.push('registerOnSaveHandler');
        },
        setConfig: async (config) => {
          calls.push(`setConfig ${JSON.stringify(config)}`);
          return setConfig(config);
        },
        setValidityState: (valid) => void calls.push(`setValidityState ${valid}`),
      },
    },
  };
  return { sdk, calls, save: () => new Promise<string>((resolve) => onSave!({ notifySuccess: () => resolve('success'), notifyFailure: (r) => resolve(`failure ${r}`) })) };
}

describe('team tab configuration page', () => {
  it('enables Save and, on save, points the tab at the evidence panel', async () => {
    const { sdk, calls, save } = fakeSdk();
    await configureTeamTab(sdk, 'https://chefsache.example', 'Chefsache');
    expect(calls).toEqual(['initialize', 'registerOnSaveHandler', 'setValidityState true', 'notifySuccess']);
    expect(await save()).toBe('success');
    expect(calls.at(-1)).toBe(
      'setConfig {"contentUrl":"https://chefsache.example/teams/?view=evidence","websiteUrl":"https://chefsache.example/teams/?view=evidence","entityId":"chefsache-evidence","suggestedDisplayName":"Chefsache"}',
    );
  });

  it('tells Teams when saving failed', async () => {
    const { sdk, save } = fakeSdk(async () => Promise.reject(new Error('invalid url')));
    await configureTeamTab(sdk, 'https://chefsache.example', 'Chefsache');
    expect(await save()).toBe('failure invalid url');
  });
});
