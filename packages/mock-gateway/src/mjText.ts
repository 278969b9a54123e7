import { createRandom, hashString, pick } from './random.js';

const KEYCAPS = ['1️⃣', '2️⃣', '3️⃣', '4️⃣', '5️⃣'];

const SUBJECTS = [
  'a quiet harbour town at dusk',
  'an abstract composition of overlapping circles',
  'a lone traveller crossing a misty valley',
  'a still life of fruit on a wooden table',
  'a futuristic city skyline in the rain',
  'a fox resting in a snowy forest',
  'a portrait of a woman in a flowered hat',
  'a geometric landscape of coloured blocks',
];

const STYLES = [
  'in the style of soft pastel illustration',
  'bold colour blocking, flat shapes',
  'cinematic lighting, shallow depth of field',
  'watercolour wash, gentle gradients',
  'minimalist poster design',
  'in the style of a vintage travel print',
  'dreamlike atmosphere, muted tones',
  'high contrast, graphic composition',
];

const DETAILS = [
  'teal and amber',
  'warm evening light',
  'rich textures',
  'clean lines',
  'subtle grain',
  'layered depth',
  'vivid highlights',
  'calm symmetry',
];

/** Reduces a ratio like 1792:1024 to its simplest form (7:4). */
function simplify(width: number, height: number): string {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const d = gcd(width, height) || 1;
  return `${width / d}:${height / d}`;
}

/** The four keycap-numbered prompts a DESCRIBE task finishes with. */
export function describePrompts(seed: string, width: number, height: number): string {
  const random = createRandom(hashString(`describe:${seed}`));
  const ar = simplify(width, height);
  return [0, 1, 2, 3]
    .map((i) => {
      const subject = pick(SUBJECTS, Math.floor(random() * 1e6));
      const style = pick(STYLES, Math.floor(random() * 1e6));
      const detail = pick(DETAILS, Math.floor(random() * 1e6));
      return `${KEYCAPS[i]} ${subject}, ${style}, ${detail} --ar ${ar}`;
    })
    .join('\n\n');
}

const FILLER = new Set([
  'a',
  'an',
  'the',
  'of',
  'in',
  'on',
  'at',
  'with',
  'and',
  'for',
  'to',
  'style',
  'very',
  'by',
  'is',
]);

/** The SHORTEN analysis: important tokens in bold, removed ones struck through, then five shortened prompts. */
export function shortenAnalysis(prompt: string): string {
  const params = prompt.match(/\s--\S+(?:\s+[^-\s]\S*)?/g)?.join('') ?? '';
  const text = prompt.replace(/\s--\S+(?:\s+[^-\s]\S*)?/g, '').trim();
  const words = text.split(/\s+/).filter(Boolean);
  const important = words.filter(
    (word) => !FILLER.has(word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')),
  );
  const marked = words
    .map((word) =>
      FILLER.has(word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')) ? `~~${word}~~` : `**${word}**`,
    )
    .join(' ');
  const keep = important.length > 0 ? important : words;
  const shortened = [1, 0.8, 0.6, 0.4, 0.2].map((fraction, i) => {
    const count = Math.max(1, Math.round(keep.length * fraction));
    return `${KEYCAPS[i]} ${keep.slice(0, count).join(' ')}${params}`;
  });
  return `## Important tokens\n${marked}\n## Shortened prompts\n${shortened.join('\n\n')}`;
}
