import { Picker, Text, View } from '@tarojs/components';
import { formatDate } from '@/lib/datetime';
import { fromPickerParts, toPickerParts } from '../schedule';
import './date-time-field.scss';

interface DateTimeFieldProps {
  value: string;
  onChange: (iso: string) => void;
}

/** A date picker and a time picker side by side, in China time. */
export function DateTimeField({ value, onChange }: DateTimeFieldProps) {
  const { date, time } = toPickerParts(value);
  return (
    <View className="date-time-field">
      <Picker mode="date" value={date} onChange={(event) => onChange(fromPickerParts(String(event.detail.value), time))}>
        <View className="date-time-field__part date-time-field__date">
          <Text>{formatDate(date, { weekday: true })}</Text>
        </View>
      </Picker>
      <Picker mode="time" value={time} onChange={(event) => onChange(fromPickerParts(date, String(event.detail.value)))}>
        <View className="date-time-field__part date-time-field__time">
          <Text>{time}</Text>
        </View>
      </Picker>
    </View>
  );
}
