/** An image referenced from markdown as `![alt](url)`. */
export interface MarkdownImage {
  /** The alt text (often a generation id for gpt-4o-image answers). */
  alt: string;
  /** The http(s) URL of the image. */
  url: string;
}

// `![alt](url "title")`: the URL stops at whitespace or the closing parenthesis.
const IMAGE = /!\[([^\]\n]*)\]\(\s*<?(https?:\/\/[^\s)>]+)>?(?:\s+"[^"]*")?\s*\)/g;

/** Every http(s) markdown image in `text`, in order, each URL once. Other schemes are ignored. */
export function extractMarkdownImages(text: string): MarkdownImage[] {
  if (!text.includes('![')) return [];
  const seen = new Set<string>();
  const images: MarkdownImage[] = [];
  for (const match of text.matchAll(IMAGE)) {
    const url = match[2];
    if (url === undefined || seen.has(url)) continue;
    seen.add(url);
    images.push({ alt: match[1] ?? '', url });
  }
  return images;
}
