import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { textOf, useDemo } from './harness.js';

describe('embeddings tab', () => {
  const demo = useDemo();

  it('embeds texts and shows their pairwise cosine similarity', async () => {
    const page = await demo.open('/#embeddings');
    const panel = page.getByRole('tabpanel', { name: 'Embeddings' });
    const texts = [
      'The cat sat on the mat.',
      'A cat was sitting on a rug.',
      'Stock markets fell today.',
    ];
    for (const [index, text] of texts.entries()) {
      const input = panel.getByLabel(`Text ${index + 1}`, { exact: true });
      if ((await input.count()) === 0) {
        await panel.getByRole('button', { name: 'Add input' }).click();
      }
      await input.fill(text);
    }
    await panel.getByRole('button', { name: 'Embed', exact: true }).click();
    const results = panel.getByRole('region', { name: 'Cosine similarity' });
    await results.locator('[data-slot="similarity"]').first().waitFor();
    assert.equal(await results.locator('[data-slot="similarity"]').count(), 3, 'three pairs');
    assert.match(
      await textOf(results.locator('[data-slot="embeddings-dimensions"]')),
      /\d+ dimensions/,
    );
    for (const score of await results.locator('[data-slot="similarity-score"]').all()) {
      const value = Number.parseFloat(await textOf(score));
      assert.ok(value >= -1 && value <= 1, `score ${value} is a cosine`);
    }
  });
});
