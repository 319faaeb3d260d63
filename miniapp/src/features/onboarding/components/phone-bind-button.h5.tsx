import { Button } from '@tarojs/components';
import type { PhoneBindButtonProps } from './phone-bind-button';
import './phone-bind-button.scss';

/** H5 has no getPhoneNumber: the person binds with the one-time code their secretary gives them. */
export function PhoneBindButton({ onFallback }: PhoneBindButtonProps) {
  return (
    <Button className="phone-bind-button" onClick={onFallback}>
      用绑定码绑定
    </Button>
  );
}
