import { useState } from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import type { ImageResponse } from '@torch-red/shared';
import { buildImage } from '@test/factories/brand.factory';
import { toDraft, toStory, type DraftBlock } from '../story-draft';
import { StoryEditor } from './story-editor';

/** The editor with its state held like a page holds it; `latest` sees every change. */
function Harness({ initial, onPickImage, latest }: { initial: DraftBlock[]; onPickImage: () => Promise<ImageResponse | null>; latest: { blocks: DraftBlock[] } }) {
  const [blocks, setBlocks] = useState(initial);
  latest.blocks = blocks;
  return <StoryEditor blocks={blocks} onChange={setBlocks} onPickImage={onPickImage} />;
}

const story = toDraft([
  { type: 'heading', text: '链上红帆' },
  { type: 'paragraph', text: '第一段' },
  { type: 'paragraph', text: '第二段' },
]);

function tool(index: number, name: 'up' | 'down' | 'delete'): HTMLElement {
  const element = document.querySelector(`[data-block-index="${index}"] .story-editor__${name}`);
  if (!(element instanceof HTMLElement)) throw new Error(`no ${name} on block ${index}`);
  return element;
}

function setup(initial: DraftBlock[] = story, onPickImage = jest.fn(() => Promise.resolve<ImageResponse | null>(null))) {
  const latest = { blocks: initial };
  render(<Harness initial={initial} onPickImage={onPickImage} latest={latest} />);
  return latest;
}

describe('StoryEditor', () => {
  it('adds an empty heading and an empty paragraph at the end', () => {
    const latest = setup([]);
    expect(screen.getByText(/还没有内容/)).toBeTruthy();

    fireEvent.click(screen.getByText('+ 小标题'));
    fireEvent.click(screen.getByText('+ 段落'));

    expect(toStory(latest.blocks)).toEqual([
      { type: 'heading', text: '' },
      { type: 'paragraph', text: '' },
    ]);
    expect(document.querySelectorAll('.story-editor__block')).toHaveLength(2);
  });

  it('adds an uploaded picture as an image block, and nothing when the person backs out', async () => {
    const image = buildImage({ id: '42' });
    const onPickImage = jest.fn<Promise<ImageResponse | null>, []>().mockResolvedValueOnce(null).mockResolvedValueOnce(image);
    const latest = setup([], onPickImage);

    await act(async () => {
      fireEvent.click(screen.getByText('+ 图片'));
    });
    expect(latest.blocks).toHaveLength(0);

    await act(async () => {
      fireEvent.click(screen.getByText('+ 图片'));
    });
    expect(toStory(latest.blocks)).toEqual([{ type: 'image', imageId: '42' }]);
    expect(document.querySelector('.story-editor__image')).not.toBeNull();
  });

  it('moves a block up and down, and not past either end', () => {
    const latest = setup();

    fireEvent.click(tool(2, 'up'));
    expect(toStory(latest.blocks).map((block) => ('text' in block ? block.text : ''))).toEqual(['链上红帆', '第二段', '第一段']);

    fireEvent.click(tool(0, 'down'));
    expect(toStory(latest.blocks).map((block) => ('text' in block ? block.text : ''))).toEqual(['第二段', '链上红帆', '第一段']);

    fireEvent.click(tool(0, 'up'));
    fireEvent.click(tool(2, 'down'));
    expect(toStory(latest.blocks).map((block) => ('text' in block ? block.text : ''))).toEqual(['第二段', '链上红帆', '第一段']);
    expect(tool(0, 'up').className).toContain('story-editor__tool--off');
  });

  it('deletes the block it belongs to', () => {
    const latest = setup();

    fireEvent.click(tool(1, 'delete'));

    expect(toStory(latest.blocks)).toEqual([
      { type: 'heading', text: '链上红帆' },
      { type: 'paragraph', text: '第二段' },
    ]);
  });

  it('edits a heading in place and sends trimmed text', () => {
    const latest = setup();
    const input = document.querySelector('[data-block-index="0"] input');
    if (!input) throw new Error('no heading input');

    fireEvent.change(input, { target: { value: '  党旗插在链上  ' } });

    expect(toStory(latest.blocks)).toEqual([
      { type: 'heading', text: '党旗插在链上' },
      { type: 'paragraph', text: '第一段' },
      { type: 'paragraph', text: '第二段' },
    ]);
  });
});
