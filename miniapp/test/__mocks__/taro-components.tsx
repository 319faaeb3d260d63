import { createElement, forwardRef, type ReactNode } from 'react';

interface MockProps {
  children?: ReactNode;
  className?: string;
  value?: string;
  placeholder?: string;
  onClick?: () => void;
  /** Taro inputs report typing through onInput; NutUI reads `event.target.value` under H5. */
  onInput?: (event: unknown) => void;
}

/** Renders a Taro component as a plain element so tests can query text and click. */
function mockComponent(name: string, tag: 'div' | 'span' | 'input' | 'img' = 'div') {
  const component = forwardRef<HTMLElement, MockProps>(function MockTaroComponent({ children, className, value, placeholder, onClick, onInput, ...rest }, ref) {
    // data-* attributes pass through, as Taro passes them to the rendered element.
    const data = Object.fromEntries(Object.entries(rest).filter(([key]) => key.startsWith('data-')));
    if (tag === 'input') {
      return onInput
        ? createElement('input', {
            ref,
            className,
            value: value ?? '',
            placeholder,
            // Taro reports the value in `detail` too (NutUI's TextArea reads it there).
            onChange: (event: { target: { value: string } }) => onInput(Object.assign(event, { detail: { value: event.target.value } })),
            'data-taro': name,
          })
        : createElement('input', { ref, className, value: value ?? '', placeholder, readOnly: true, 'data-taro': name });
    }
    if (tag === 'img') {
      return createElement('img', { ref, className, 'data-taro': name });
    }
    return createElement(tag, { ...data, ref, className, onClick, 'data-taro': name }, children);
  });
  component.displayName = name;
  return component;
}

export const View = mockComponent('View');
export const Text = mockComponent('Text', 'span');
export const Button = mockComponent('Button');
export const Image = mockComponent('Image', 'img');
export const Input = mockComponent('Input', 'input');
export const Textarea = mockComponent('Textarea', 'input');
export const ScrollView = mockComponent('ScrollView');
export const Swiper = mockComponent('Swiper');
export const SwiperItem = mockComponent('SwiperItem');
export const Label = mockComponent('Label', 'span');
export const Form = mockComponent('Form');
export const Canvas = mockComponent('Canvas');
export const Video = mockComponent('Video');
export const Block = mockComponent('Block');
export const RichText = mockComponent('RichText');
export const PickerView = mockComponent('PickerView');
export const PickerViewColumn = mockComponent('PickerViewColumn');
export const Picker = mockComponent('Picker');
export const Switch = mockComponent('Switch');
export const Radio = mockComponent('Radio');
export const Checkbox = mockComponent('Checkbox');
export const MovableArea = mockComponent('MovableArea');
export const MovableView = mockComponent('MovableView');
export const CoverView = mockComponent('CoverView');
