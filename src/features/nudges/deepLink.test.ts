import { nudgeDeepLink, sectionOfDeepLink } from './deepLink';

describe('nudgeDeepLink()', () => {
  it('is a Teams link to the personal tab whose context names the section and whose webUrl opens that section', () => {
    const link = nudgeDeepLink({ teamsAppId: 'bb6ed4e8-3f3c-493c-a6b9-d2f7e6fb4c4a', appUrl: 'https://chefsache.example', section: 'reviews', label: 'Chefsache' });
    const url = new URL(link);
    expect(url.origin).toBe('https://teams.microsoft.com');
    expect(url.pathname).toBe('/l/entity/bb6ed4e8-3f3c-493c-a6b9-d2f7e6fb4c4a/dashboard');
    expect(sectionOfDeepLink(link)).toBe('reviews');
    expect(url.searchParams.get('webUrl')).toBe('https://chefsache.example/teams/?view=reviews');
  });
});
