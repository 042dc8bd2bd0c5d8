// Song titles for the benchmarks' catalogues: 12 common words in pairs, so a word such as "love" matches
// about one song in twelve, plus a unique suffix.
const WORDS = [
  'love',
  'night',
  'blue',
  'river',
  'fire',
  'dream',
  'city',
  'heart',
  'rain',
  'gold',
  'road',
  'song',
];

export const benchSongTitle = (i) =>
  `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} ${i.toString(36)}`;
