import { Text, View } from '@tarojs/components';
import type { ImportRowError } from '@torch-red/shared';
import './import-errors.scss';

interface ImportErrorsProps {
  message: string;
  errors: ImportRowError[];
  onClose: () => void;
}

/** Why an import wrote nothing: every bad cell, by row and column, to fix in the sheet and upload again. */
export function ImportErrors({ message, errors, onClose }: ImportErrorsProps) {
  return (
    <View className="import-errors">
      <View className="import-errors__head">
        <Text className="import-errors__title">导入未成功，没有写入任何人员</Text>
        <Text className="import-errors__close" onClick={onClose}>
          关闭
        </Text>
      </View>
      <Text className="import-errors__summary">{message}</Text>
      {errors.map((error, index) => (
        <View key={`${error.row}-${error.column ?? ''}-${index}`} className="import-errors__item">
          <Text className="import-errors__row">{error.row > 0 ? `第 ${error.row} 行` : '文件'}</Text>
          <Text className="import-errors__text">{error.message}</Text>
        </View>
      ))}
    </View>
  );
}
