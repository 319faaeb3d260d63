import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './brand-header.scss';

interface BrandHeaderProps {
  subtitle?: string;
  children?: ReactNode;
}

/** The 火炬红 masthead: torch emblem, name and the zone's line. */
export function BrandHeader({ subtitle = '大庆高新区 · 产业链党建', children }: BrandHeaderProps) {
  return (
    <View className="brand-header">
      <View className="brand-header__row">
        <View className="brand-header__emblem">
          <View className="brand-header__flame" />
          <View className="brand-header__handle" />
        </View>
        <View className="brand-header__text">
          <Text className="brand-header__name">火炬红</Text>
          <Text className="brand-header__subtitle">{subtitle}</Text>
        </View>
      </View>
      {children}
    </View>
  );
}
