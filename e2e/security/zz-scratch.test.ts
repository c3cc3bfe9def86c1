import { it } from 'vitest';
import { startTestPlatform } from '../../test/platform';
import { post } from './support';

it('probe', async () => {
  process.env.OPERATOR_API_KEY = 'k';
  const platform = await startTestPlatform();
  const queries = [
    '{ arrondissementAt(latitude: 48.8, longitude: 10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000) { code } }',
    '{ arrondissementAt(latitude: 48.8, longitude: 2.3) { code } }',
  ];
  for (const query of queries) {
    const response = await post(platform.gateway.url, JSON.stringify({ query }));
    console.log(query, '=>', response.text.slice(0, 300));
  }
  const vote = await post(
    platform.gateway.url,
    JSON.stringify({
      query: 'mutation ($input: CastVoteInput!) { castVote(input: $input) { replayed } }',
      variables: { input: { voteId: 'x', citizenId: 'y', edition: 1829375503, projectIds: ['1'] } },
    }),
    { 'x-api-key': 'k' },
  );
  console.log('castVote =>', vote.text);
  await platform.stop();
}, 120_000);
