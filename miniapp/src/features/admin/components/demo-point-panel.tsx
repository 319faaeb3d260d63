import { useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import type { BrandSummary } from '@torch-red/shared';
import { nameDemoPoint } from '../api';
import { AdminField, AdminPanel } from './admin-panel';

const thisYear = () => new Date(Date.now() + 8 * 3600 * 1000).getUTCFullYear();

/** Names a published brand a 示范点 of a year, or takes the naming back. */
export function DemoPointPanel({ brand, onClose, onSaved }: { brand: BrandSummary; onClose: () => void; onSaved: (brand: BrandSummary) => void }) {
  const [year, setYear] = useState(String(brand.demoPointYear ?? thisYear()));
  const [busy, setBusy] = useState(false);

  const save = async (isDemoPoint: boolean) => {
    const value = Number(year);
    if (isDemoPoint && !(Number.isInteger(value) && value >= 2000 && value <= 2100)) return void Taro.showToast({ title: '请填写年份，如 2026', icon: 'none' });
    setBusy(true);
    try {
      const saved = await nameDemoPoint(brand.id, isDemoPoint ? { isDemoPoint, year: value } : { isDemoPoint });
      void Taro.showToast({ title: isDemoPoint ? `已命名为 ${value} 年度示范点` : '已取消示范点', icon: 'none' });
      onSaved(saved);
    } catch {
      // Toasted by the HTTP client.
    } finally {
      setBusy(false);
    }
  };

  return (
    <AdminPanel name="demo-point" title={brand.name} subtitle={brand.orgName} onClose={onClose}>
      <AdminField label="示范点" name="current">{brand.isDemoPoint ? `${brand.demoPointYear ?? ''} 年度示范点` : '尚未命名'}</AdminField>
      <AdminField label="年度" name="year">
        <Input type="digit" value={year} maxLength={4} onChange={setYear} />
      </AdminField>
      <View className="admin-panel__buttons">
        <Button className="demo-point__save" type="primary" shape="round" loading={busy} onClick={() => void save(true)}>
          命名为示范点
        </Button>
        {brand.isDemoPoint ? (
          <Button className="demo-point__remove" shape="round" fill="outline" type="primary" disabled={busy} onClick={() => void save(false)}>
            取消示范点
          </Button>
        ) : null}
      </View>
    </AdminPanel>
  );
}
