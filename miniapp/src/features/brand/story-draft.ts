import type { ImageResponse, StoryBlock } from '@torch-red/shared';

/** A story block while editing: a stable key for the list, and the picture when we have its URLs. */
export type DraftBlock =
  | { key: string; type: 'heading'; text: string }
  | { key: string; type: 'paragraph'; text: string }
  | { key: string; type: 'image'; imageId: string; image?: ImageResponse };

let nextKey = 0;
const newKey = () => `block-${++nextKey}`;

export function toDraft(story: Array<StoryBlock & { image?: ImageResponse }>, images: ReadonlyMap<string, ImageResponse> = new Map()): DraftBlock[] {
  return story.map((block) =>
    block.type === 'image' ? { key: newKey(), type: 'image', imageId: block.imageId, image: block.image ?? images.get(block.imageId) } : { key: newKey(), type: block.type, text: block.text },
  );
}

/** What the server stores: text trimmed, no keys, no picture URLs. */
export function toStory(blocks: DraftBlock[]): StoryBlock[] {
  return blocks.map((block) => (block.type === 'image' ? { type: 'image', imageId: block.imageId } : { type: block.type, text: block.text.trim() }));
}

export function textBlock(type: 'heading' | 'paragraph'): DraftBlock {
  return { key: newKey(), type, text: '' };
}

export function imageBlock(image: ImageResponse): DraftBlock {
  return { key: newKey(), type: 'image', imageId: image.id, image };
}

/** Moves the block at `index` one place up (-1) or down (+1); out of range is a no-op. */
export function moveBlock(blocks: DraftBlock[], index: number, direction: -1 | 1): DraftBlock[] {
  const target = index + direction;
  if (index < 0 || index >= blocks.length || target < 0 || target >= blocks.length) {
    return blocks;
  }
  const next = [...blocks];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}
