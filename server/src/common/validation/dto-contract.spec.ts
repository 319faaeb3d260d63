import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** DTOs that cannot implement their shared type, and why. */
const EXEMPT: Record<string, string> = {
  StoryBlockDto: 'StoryBlock is a union; SaveBrandDto implements SaveBrandRequest but for story',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('request DTOs', () => {
  it('each implement their request or query type from @torch-red/shared, so the compiler checks they agree', () => {
    const src = join(__dirname, '..', '..');
    const found: string[] = [];
    const missing: string[] = [];
    for (const file of sourceFiles(src)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/^(?:export )?class (\w+Dto)\b([^{]*)\{/gm)) {
        found.push(match[1]);
        if (!/\bimplements\b/.test(match[2]) && !EXEMPT[match[1]]) missing.push(`${match[1]} (${relative(src, file)})`);
      }
    }
    expect(found.length).toBeGreaterThan(60);
    expect(missing).toEqual([]);
  });
});
