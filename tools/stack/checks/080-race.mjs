import { seatInvariant } from '../load.mjs';

const FANS = 600;
const SEATS = 60;
const LANES = 50;

export const check = {
  name: `${FANS} racing reservations for a ${SEATS}-seat show`,
  target: `exactly ${SEATS} seats confirmed, no request failed`,
  async run(ctx) {
    const showId = await ctx.createShow({ title: 'Race', capacity: SEATS });
    const fans = await ctx.createFans(FANS);
    const answers = [];
    await Promise.all(
      Array.from({ length: LANES }, async (_, lane) => {
        for (let i = lane; i < FANS; i += LANES) {
          const res = await ctx.call('POST', '/reservations', {
            token: fans[i].token,
            body: { showId, seats: 1 },
          });
          answers.push(res.status);
        }
      }),
    );
    const created = answers.filter((s) => s === 201).length;
    const refused = answers.filter((s) => s === 409).length;
    const seats = await seatInvariant(ctx.db, [showId], created);
    return {
      pass:
        created === SEATS &&
        refused === FANS - SEATS &&
        seats.confirmed === SEATS &&
        seats.oversold === 0 &&
        seats.drift === 0,
      result: `201×${created}, 409×${refused}, other ${FANS - created - refused}; ${seats.confirmed} seats confirmed in SQL, oversold ${seats.oversold}`,
    };
  },
};
