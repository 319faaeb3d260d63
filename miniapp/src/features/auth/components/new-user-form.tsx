import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { LIMITS } from '@torch-red/shared';
import './new-user-form.scss';

interface NewUserFormProps {
  pending: boolean;
  onSubmit: (name: string) => void;
}

export function NewUserForm({ pending, onSubmit }: NewUserFormProps) {
  const [name, setName] = useState('');
  const trimmed = name.trim();

  const handleSubmit = () => {
    if (trimmed !== '') {
      onSubmit(trimmed);
    }
  };

  return (
    <View className="new-user-form">
      <View className="new-user-form__field">
        <Input
          className="new-user-form__input"
          placeholder="请输入你的姓名"
          value={name}
          maxLength={LIMITS.nameMaxLength}
          clearable
          onChange={setName}
          onConfirm={handleSubmit}
        />
      </View>
      <Button className="new-user-form__submit" type="primary" block disabled={trimmed === '' || pending} loading={pending} onClick={handleSubmit}>
        进入火炬红
      </Button>
    </View>
  );
}
